import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { anna, districtsMock, FUTURE, loginMock, logoutMock, viewerMock } from "../test/fixtures";
import { renderWithProviders, testServices } from "../test/render";
import { App } from "./app";

function loggedInServices() {
  const services = testServices();
  services.session.start({ token: "token-1", expiresAt: FUTURE });
  return services;
}

describe("App", () => {
  it("sends a logged-out visitor to the login page at /inloggen", async () => {
    window.history.replaceState(null, "", "/");
    renderWithProviders(<App />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Inloggen bij wijknet");
    await waitFor(() => expect(window.location.pathname).toBe("/inloggen"));
    expect(document.documentElement.lang).toBe("nl");
  });

  it("shows an admin the welcome, the Dutch role and the districts sorted by name", async () => {
    renderWithProviders(<App />, {
      services: loggedInServices(),
      mocks: [
        viewerMock({ ...anna, role: "ADMIN" }),
        districtsMock([
          ["WK034410", "Zuidwest"],
          ["WK034401", "West"],
          ["WK034403", "Noordwest"],
          ["WK034409", "Leidsche Rijn"],
        ]),
      ],
    });

    expect(await screen.findByRole("heading", { level: 1, name: "Welkom, Anna de Vries" })).toBeTruthy();
    const header = screen.getByRole("banner");
    expect(within(header).getByText("Ingelogd als Anna de Vries")).toBeTruthy();
    expect(within(header).getByText("Rol: Beheerder")).toBeTruthy();
    expect(within(header).getByRole("button", { name: "Uitloggen" })).toBeTruthy();

    const table = await screen.findByRole("table", { name: "Wijken van de gemeente Utrecht" });
    const names = within(table)
      .getAllByRole("rowheader")
      .map((cell) => cell.textContent);
    expect(names).toEqual(["Leidsche Rijn", "Noordwest", "West", "Zuidwest"]);
  });

  it("tells an ally that a coordinator's page exists but is not for them, and an unknown address that it does not exist", async () => {
    window.history.replaceState(null, "", "/contacten");
    const { unmount } = renderWithProviders(<App />, { services: loggedInServices(), mocks: [viewerMock({ ...anna, role: "ALLY" })] });
    expect(await screen.findByRole("heading", { level: 1, name: "Geen toegang" })).toBeTruthy();
    unmount();
    window.history.replaceState(null, "", "/bestaat-niet");
    renderWithProviders(<App />, { services: loggedInServices(), mocks: [viewerMock({ ...anna, role: "ALLY" })] });
    expect(await screen.findByRole("heading", { level: 1, name: "Pagina niet gevonden" })).toBeTruthy();
  });

  it("logs in, then moves focus to the new page's heading", async () => {
    renderWithProviders(<App />, {
      mocks: [loginMock({ email: "anna@example.nl", password: "geheim" }, { token: "token-1" }), districtsMock([["WK034401", "West"]])],
    });
    fireEvent.change(screen.getByLabelText("E-mailadres"), { target: { value: "anna@example.nl" } });
    fireEvent.change(screen.getByLabelText("Wachtwoord"), { target: { value: "geheim" } });
    fireEvent.click(screen.getByRole("button", { name: "Inloggen" }));

    const heading = await screen.findByRole("heading", { level: 1, name: "Welkom, Anna de Vries" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(window.location.pathname).toBe("/");
    expect(document.title).toBe("Overzicht – wijknet");
  });

  it("logs out and says so on the login page", async () => {
    const services = loggedInServices();
    renderWithProviders(<App />, {
      services,
      mocks: [viewerMock(anna), districtsMock([]), logoutMock],
    });
    fireEvent.click(await screen.findByRole("button", { name: "Uitloggen" }));

    expect(await screen.findByText("Je bent uitgelogd.")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Inloggen bij wijknet");
    expect(services.session.getToken()).toBeNull();
  });

  it("returns to the login page when the server no longer knows the token (viewer: null)", async () => {
    const services = loggedInServices();
    renderWithProviders(<App />, { services, mocks: [viewerMock(null)] });

    expect(await screen.findByText("Je sessie is verlopen. Log opnieuw in.")).toBeTruthy();
    expect(services.session.getState().endReason).toBe("expired");
  });

  it("switches to English and remembers the choice", async () => {
    renderWithProviders(<App />, { language: "nl" });
    fireEvent.click(screen.getByRole("button", { name: "English" }));

    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Log in to wijknet");
    await waitFor(() => expect(document.documentElement.lang).toBe("en"));
    expect(window.localStorage.getItem("wijknet.language")).toBe("en");
    expect(screen.getByRole("button", { name: "Nederlands" }).getAttribute("lang")).toBe("nl");
  });
});
