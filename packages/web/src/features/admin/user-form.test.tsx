import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { DistrictsDocument } from "../../generated/gql/graphql";
import { renderWithProviders } from "../../test/render";
import { EMPTY_USER, UserForm } from "./user-form";
import type { SaveOutcome } from "./use-users";
import { toCreateInput, type UserFormValues } from "./validate-user";

const districtsMock = {
  request: { query: DistrictsDocument },
  result: {
    data: {
      districts: [
        { __typename: "District" as const, id: "d1", code: "noord", name: "Noord" },
        { __typename: "District" as const, id: "d2", code: "zuid", name: "Zuid" },
      ],
    },
  },
};

function setup(onSave: (values: UserFormValues) => Promise<SaveOutcome>, isNew = true) {
  const onSaved = vi.fn();
  renderWithProviders(
    <UserForm
      initial={EMPTY_USER}
      isNew={isNew}
      submitLabel="Uitnodiging versturen"
      saving={false}
      onSave={onSave}
      onSaved={onSaved}
      onCancel={() => undefined}
    />,
    { mocks: [districtsMock] },
  );
  return { onSaved };
}

const submit = () => fireEvent.click(screen.getByRole("button", { name: "Uitnodiging versturen" }));

describe("UserForm", () => {
  it("a liaison needs a district; the backup choice appears per chosen district and is sent", async () => {
    const onSave = vi.fn(async (_v: UserFormValues): Promise<SaveOutcome> => ({ ok: true, id: "u1" }));
    const { onSaved } = setup(onSave);
    fireEvent.change(screen.getByLabelText("Naam"), { target: { value: "Wijkagent Zuid" } });
    fireEvent.change(screen.getByLabelText("E-mailadres"), { target: { value: "agent@politie.example" } });
    fireEvent.change(screen.getByLabelText("Rol"), { target: { value: "POLICE_LIAISON" } });
    submit();
    expect(await screen.findByText("Kies minstens één wijk voor een wijkagent.")).toBeTruthy();
    fireEvent.click(await screen.findByLabelText("Zuid"));
    fireEvent.click(screen.getByLabelText("Reserve-wijkagent in Zuid"));
    submit();
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith("u1"));
    expect(toCreateInput(onSave.mock.calls[0]![0])).toEqual({
      displayName: "Wijkagent Zuid",
      email: "agent@politie.example",
      role: "POLICE_LIAISON",
      language: "NL",
      districts: [{ districtId: "d2", backup: true }],
    });
  });

  it("a coordinator works municipality-wide: no districts to choose", async () => {
    setup(async () => ({ ok: true, id: "u" }));
    expect(await screen.findByText("Deze rol werkt in de hele gemeente, niet in een wijk.")).toBeTruthy();
    expect(screen.queryByLabelText("Noord")).toBeNull();
  });

  it("shows an address in use at the email field", async () => {
    setup(async () => ({ ok: false, fields: [], codes: ["CONFLICT"], reasons: [] }));
    fireEvent.change(screen.getByLabelText("Naam"), { target: { value: "Beheer" } });
    fireEvent.change(screen.getByLabelText("E-mailadres"), { target: { value: "beheer@gemeente.example" } });
    submit();
    expect(await screen.findByText("Er is al een gebruiker met dit e-mailadres.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("E-mailadres")));
  });
});

describe("UserForm when editing", () => {
  it("says so when the server refuses to demote the last admin", async () => {
    setup(async () => ({ ok: false, fields: [], codes: ["CONFLICT"], reasons: ["LAST_ADMIN"] }), false);
    fireEvent.change(screen.getByLabelText("Naam"), { target: { value: "Beheer" } });
    submit();
    expect(await screen.findByText("Dit is de laatste beheerder. Maak eerst iemand anders beheerder.")).toBeTruthy();
  });
});
