import { fireEvent, screen, waitFor } from "@testing-library/react";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { LoginDocument, VerifySecondFactorDocument } from "../../generated/gql/graphql";
import { anna, FUTURE } from "../../test/fixtures";
import { renderWithProviders, testServices } from "../../test/render";
import { LoginForm } from "./login-form";

const credentials = { email: "anna@example.nl", password: "een lang wachtwoord" };
const loginNeedsCode = {
  request: { query: LoginDocument, variables: credentials },
  result: {
    data: {
      login: { __typename: "AuthPayload" as const, token: "wkn_pending", expiresAt: FUTURE, next: "SECOND_FACTOR" as const, user: anna },
    },
  },
};
const verify = (code: string, ok: boolean) => ({
  request: { query: VerifySecondFactorDocument, variables: { token: "wkn_pending", code } },
  result: ok
    ? {
        data: {
          verifySecondFactor: { __typename: "AuthPayload" as const, token: "wkn_pending", expiresAt: FUTURE, next: "DONE" as const },
        },
      }
    : {
        data: null,
        errors: [new GraphQLError("The code is not correct.", { extensions: { code: "UNAUTHENTICATED", reason: "TWO_FACTOR_INVALID" } })],
      },
});

describe("login with a second factor", () => {
  it("asks for the code after the password; a wrong code is said at the field; the right one starts the session", async () => {
    const services = testServices();
    renderWithProviders(<LoginForm />, { services, mocks: [loginNeedsCode, verify("111111", false), verify("654321", true)] });
    fireEvent.change(screen.getByLabelText("E-mailadres"), { target: { value: credentials.email } });
    fireEvent.change(screen.getByLabelText("Wachtwoord"), { target: { value: credentials.password } });
    fireEvent.click(screen.getByRole("button", { name: "Inloggen" }));
    const code = await screen.findByLabelText("Code");
    // No session yet: the token of the first step authorizes nothing.
    expect(services.session.getToken()).toBeNull();
    fireEvent.change(code, { target: { value: "111111" } });
    fireEvent.click(screen.getByRole("button", { name: "Controleren" }));
    expect(await screen.findByText("Deze code klopt niet. Vul de code in die je app nu laat zien.")).toBeTruthy();
    expect(services.session.getToken()).toBeNull();
    fireEvent.change(screen.getByLabelText("Code"), { target: { value: "654321" } });
    fireEvent.click(screen.getByRole("button", { name: "Controleren" }));
    await waitFor(() => expect(services.session.getToken()).toBe("wkn_pending"));
  });
});
