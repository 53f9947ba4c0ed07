import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AdminEraseUserDocument, AdminUserDocument } from "../../generated/gql/graphql";
import { districtsMock, viewerMock, anna } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { UserPage } from "./user-pages";

const admin = { ...anna, role: "ADMIN" as const };
const user = {
  __typename: "User" as const,
  id: "u7",
  email: "pieter@utrecht.example",
  displayName: "Pieter de Vries",
  role: "POLICE_LIAISON" as const,
  status: "ACTIVE" as const,
  language: "NL" as const,
  lastSignInAt: null,
  passwordSet: true,
  districtAssignments: [],
};
const loadUser = { request: { query: AdminUserDocument, variables: { id: "u7" } }, result: { data: { user } } };

describe("UserPage", () => {
  it("erases an account only after a confirmation that says what happens", async () => {
    let erased = false;
    const erase = {
      request: { query: AdminEraseUserDocument, variables: { id: "u7" } },
      result: () => {
        erased = true;
        return {
          data: {
            eraseUser: { ...user, displayName: "Verwijderde persoon", email: "erased-u7@erased.invalid", status: "DISABLED", erased: true },
          },
        };
      },
    };
    renderWithProviders(<UserPage id="u7" />, {
      mocks: [viewerMock(admin), districtsMock([["noord", "Noord"]]), loadUser, erase, loadUser],
    });
    fireEvent.click(await screen.findByRole("button", { name: "Account wissen" }));
    const dialog = await screen.findByRole("dialog", { name: "Account wissen?" });
    expect(within(dialog).getByText(/Dit kun je niet ongedaan maken/)).toBeTruthy();
    expect(erased).toBe(false);
    fireEvent.click(within(dialog).getByRole("button", { name: "Account wissen" }));
    expect(await screen.findByText("Het account is gewist.")).toBeTruthy();
    expect(erased).toBe(true);
  });
});
