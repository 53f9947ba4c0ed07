import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { loginMock } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { LoginForm } from "./login-form";

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

/** The text of the error message an input points to with aria-describedby. */
function describedErrorOf(input: HTMLElement): string | null {
  const id = input.getAttribute("aria-describedby");
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}

const submitButton = () => screen.getByRole("button");

describe("LoginForm", () => {
  it("names each empty field in a Dutch error, linked to the field, and focuses the first", () => {
    renderWithProviders(<LoginForm />);

    fireEvent.click(screen.getByRole("button", { name: "Inloggen" }));

    const email = screen.getByLabelText("E-mailadres");
    const password = screen.getByLabelText("Wachtwoord");
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(password.getAttribute("aria-invalid")).toBe("true");
    expect(describedErrorOf(email)).toBe("Vul je e-mailadres in.");
    expect(describedErrorOf(password)).toBe("Vul je wachtwoord in.");
    expect(document.activeElement).toBe(email);
    // Nothing was sent: the button never went into its busy state.
    expect(submitButton().hasAttribute("disabled")).toBe(false);
  });

  it("explains a malformed email address and keeps a filled password valid", () => {
    renderWithProviders(<LoginForm />);
    fill("E-mailadres", "anna@");
    fill("Wachtwoord", "geheim");

    fireEvent.click(screen.getByRole("button", { name: "Inloggen" }));

    const email = screen.getByLabelText("E-mailadres");
    expect(describedErrorOf(email)).toBe("Het e-mailadres klopt niet. Schrijf het zo: naam@voorbeeld.nl.");
    const password = screen.getByLabelText("Wachtwoord");
    expect(password.hasAttribute("aria-invalid")).toBe(false);
    expect(password.hasAttribute("aria-describedby")).toBe(false);
  });

  it("shows the field errors in English when English is chosen", () => {
    renderWithProviders(<LoginForm />, { language: "en" });
    fireEvent.click(screen.getByRole("button", { name: "Log in" }));
    expect(describedErrorOf(screen.getByLabelText("Email address"))).toBe("Enter your email address.");
    expect(describedErrorOf(screen.getByLabelText("Password"))).toBe("Enter your password.");
  });

  it("disables the submit button while logging in, then starts the session", async () => {
    const { services } = renderWithProviders(<LoginForm />, {
      mocks: [loginMock({ email: "anna@example.nl", password: "geheim" }, { token: "token-1" }, 50)],
    });
    fill("E-mailadres", "  anna@example.nl "); // surrounding spaces are trimmed
    fill("Wachtwoord", "geheim");

    fireEvent.click(screen.getByRole("button", { name: "Inloggen" }));

    await waitFor(() => expect(submitButton().hasAttribute("disabled")).toBe(true));
    expect(submitButton().textContent).toBe("Bezig met inloggen…");
    // A second submit while busy must not send another request.
    fireEvent.submit(submitButton().closest("form")!);

    await waitFor(() => expect(services.session.getToken()).toBe("token-1"));
    await waitFor(() => expect(submitButton().hasAttribute("disabled")).toBe(false));
    // Had the second submit gone out, it would have failed (one mock only) and shown an error.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(document.querySelector(".utrecht-alert")).toBeNull();
  });

  it("shows a clear message when the server answers UNAUTHENTICATED, and stays logged out", async () => {
    const { services } = renderWithProviders(<LoginForm />, {
      mocks: [loginMock({ email: "anna@example.nl", password: "fout" }, { errorCode: "UNAUTHENTICATED" })],
    });
    fill("E-mailadres", "anna@example.nl");
    fill("Wachtwoord", "fout");

    fireEvent.click(screen.getByRole("button", { name: "Inloggen" }));

    const message = await screen.findByText("Het e-mailadres of het wachtwoord klopt niet. Controleer ze en probeer het opnieuw.");
    // Focus moves to the message so screen-reader users hear it.
    expect(document.activeElement?.contains(message)).toBe(true);
    expect(services.session.getToken()).toBeNull();
    expect(submitButton().hasAttribute("disabled")).toBe(false);
  });

  it.each([
    ["RATE_LIMITED", "Je hebt te vaak geprobeerd in te loggen. Wacht een paar minuten en probeer het dan opnieuw."],
    ["INTERNAL_SERVER_ERROR", "Er ging iets mis bij het inloggen. Probeer het later opnieuw."],
  ])("shows the right message for %s", async (errorCode, expected) => {
    renderWithProviders(<LoginForm />, {
      mocks: [loginMock({ email: "anna@example.nl", password: "geheim" }, { errorCode })],
    });
    fill("E-mailadres", "anna@example.nl");
    fill("Wachtwoord", "geheim");
    fireEvent.click(screen.getByRole("button", { name: "Inloggen" }));
    expect(await screen.findByText(expected)).toBeTruthy();
  });

  it("shows the server's BAD_USER_INPUT for the email address on the email field", async () => {
    renderWithProviders(<LoginForm />, {
      mocks: [loginMock({ email: "anna@x.y", password: "geheim" }, { errorCode: "BAD_USER_INPUT", field: "email" })],
    });
    fill("E-mailadres", "anna@x.y");
    fill("Wachtwoord", "geheim");
    fireEvent.click(screen.getByRole("button", { name: "Inloggen" }));

    const email = screen.getByLabelText("E-mailadres");
    await waitFor(() => expect(email.getAttribute("aria-invalid")).toBe("true"));
    expect(describedErrorOf(email)).toBe("Het e-mailadres klopt niet. Schrijf het zo: naam@voorbeeld.nl.");
    expect(document.activeElement).toBe(email);
  });

  it("tells the user when the server cannot be reached", async () => {
    renderWithProviders(<LoginForm />, {
      mocks: [loginMock({ email: "anna@example.nl", password: "geheim" }, { networkError: new TypeError("Failed to fetch") })],
    });
    fill("E-mailadres", "anna@example.nl");
    fill("Wachtwoord", "geheim");
    fireEvent.click(screen.getByRole("button", { name: "Inloggen" }));
    expect(
      await screen.findByText("We kunnen wijknet nu niet bereiken. Controleer je internetverbinding en probeer het opnieuw."),
    ).toBeTruthy();
  });
});
