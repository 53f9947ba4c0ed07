import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { CompleteSsoLoginDocument, SsoProviderDocument } from "../../generated/gql/graphql";
import { anna, FUTURE } from "../../test/fixtures";
import { renderWithProviders, testServices } from "../../test/render";
import { LoginPage } from "./login-page";
import { SsoReturnPage } from "./sso-return-page";

afterEach(() => window.history.replaceState(null, "", "/"));

describe("single sign-on in the web app", () => {
  it("the login page offers 'Inloggen met <organisatie>' when configured, as a plain link to the server", async () => {
    renderWithProviders(<LoginPage />, {
      mocks: [
        {
          request: { query: SsoProviderDocument },
          result: {
            data: { ssoProvider: { __typename: "SsoProvider" as const, label: "Gemeente Utrecht", startUrl: "/auth/oidc/start" } },
          },
        },
      ],
    });
    const link = await screen.findByRole("link", { name: "Inloggen met Gemeente Utrecht" });
    expect(link.getAttribute("href")).toBe("/auth/oidc/start");
  });

  it("trades the code from the fragment for a session and removes it from the address", async () => {
    window.history.replaceState(null, "", "/inloggen/sso#code=one-time-code-of-the-server-xyz");
    const services = testServices();
    renderWithProviders(<SsoReturnPage />, {
      services,
      mocks: [
        {
          request: { query: CompleteSsoLoginDocument, variables: { code: "one-time-code-of-the-server-xyz" } },
          result: {
            data: {
              completeSsoLogin: {
                __typename: "AuthPayload" as const,
                token: "wkn_sso",
                expiresAt: FUTURE,
                next: "DONE" as const,
                user: anna,
              },
            },
          },
        },
      ],
    });
    expect(window.location.hash).toBe("");
    await waitFor(() => expect(services.session.getToken()).toBe("wkn_sso"));
  });

  it("says why a sign-in was refused", async () => {
    window.history.replaceState(null, "", "/inloggen/sso#error=DOMAIN");
    renderWithProviders(<SsoReturnPage />);
    expect(await screen.findByText("Met dit e-mailadres kun je hier niet inloggen via je organisatie.")).toBeTruthy();
  });
});
