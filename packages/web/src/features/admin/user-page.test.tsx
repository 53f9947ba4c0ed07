import { fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { AdminEraseUserDocument } from "../../generated/gql/graphql";
import { renderWithProviders } from "../../test/render";
import { useUserActions } from "./use-users";

const erasedUser = {
  __typename: "User" as const,
  id: "u7",
  email: "erased-u7@erased.invalid",
  displayName: "Verwijderde persoon",
  role: "POLICE_LIAISON" as const,
  status: "DISABLED" as const,
  language: "NL" as const,
  lastSignInAt: null,
  passwordSet: false,
  districtAssignments: [],
  erased: true,
};

/** The editor's erase action (its confirmation is the shared ConfirmDialog, tested in kit). */
function EraseButton() {
  const actions = useUserActions();
  const [result, setResult] = useState("");
  return (
    <>
      <button type="button" onClick={() => void actions.erase("u7").then((o) => setResult(o.ok ? "ok" : "failed"))}>
        erase
      </button>
      <output>{result}</output>
    </>
  );
}

describe("erasing an account from the admin's editor", () => {
  it("sends eraseUser for that account and reports success", async () => {
    let sent = 0;
    const erase = {
      request: { query: AdminEraseUserDocument, variables: { id: "u7" } },
      result: () => {
        sent++;
        return { data: { eraseUser: erasedUser } };
      },
    };
    renderWithProviders(<EraseButton />, { mocks: [erase] });
    fireEvent.click(screen.getByRole("button", { name: "erase" }));
    expect(await screen.findByText("ok")).toBeTruthy();
    expect(sent).toBe(1);
  });
});
