import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ConfirmDialog } from "../../kit/confirm-dialog";
import { renderWithProviders } from "../../test/render";
import { RecordConsentForm, WithdrawalEffects } from "./contact-consents";
import { EraseDialog, nameMatches } from "./contact-privacy";
import { RolesForm } from "./contact-roles";
import type { ActionOutcome } from "./use-contact-actions";

describe("RecordConsentForm", () => {
  it("for a child under 16 starts with the guardian box ticked and needs the guardian's name", async () => {
    const onRecord = vi.fn(async (_consent: unknown): Promise<ActionOutcome> => ({ ok: true }));
    renderWithProviders(<RecordConsentForm ageBand="UNDER_12" onRecord={onRecord} saving={false} />);
    const guardian = screen.getByLabelText("Gegeven door een ouder of voogd") as HTMLInputElement;
    expect(guardian.checked).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Toestemming opslaan" }));
    expect(await screen.findByText("Vul de naam in van de ouder of voogd die toestemming gaf.")).toBeTruthy();
    expect(onRecord).not.toHaveBeenCalled();

    // Unticking is refused too, with consent as the basis.
    fireEvent.click(guardian);
    fireEvent.click(screen.getByRole("button", { name: "Toestemming opslaan" }));
    expect(await screen.findByText(/Vink aan dat een ouder of voogd/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(guardian));

    fireEvent.click(guardian);
    fireEvent.change(screen.getByLabelText("Waarvoor"), { target: { value: "NEWSLETTER" } });
    fireEvent.change(screen.getByLabelText("Naam van de ouder of voogd"), { target: { value: "Rob Smit" } });
    fireEvent.click(screen.getByRole("button", { name: "Toestemming opslaan" }));
    expect(await screen.findByText("De toestemming is opgeslagen.")).toBeTruthy();
    expect(onRecord).toHaveBeenCalledWith({ purpose: "NEWSLETTER", legalBasis: "CONSENT", byGuardian: true, guardianName: "Rob Smit" });
  });

  it("shows the server's guardian error at the guardian field", async () => {
    renderWithProviders(
      <RecordConsentForm
        ageBand="ADULT"
        onRecord={async () => ({ ok: false, paths: ["consent.byGuardian"], codes: ["BAD_USER_INPUT"] })}
        saving={false}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Toestemming opslaan" }));
    expect(await screen.findByText(/moet een ouder of voogd de toestemming geven/)).toBeTruthy();
    const guardian = screen.getByLabelText("Gegeven door een ouder of voogd");
    await waitFor(() => expect(document.activeElement).toBe(guardian));
  });

  it("says so when saving fails without a field", async () => {
    renderWithProviders(<RecordConsentForm ageBand="ADULT" onRecord={async () => ({ ok: false, paths: [], codes: [] })} saving={false} />);
    fireEvent.click(screen.getByRole("button", { name: "Toestemming opslaan" }));
    expect(await screen.findByText("Opslaan is niet gelukt. Probeer het opnieuw.")).toBeTruthy();
  });
});

describe("EraseDialog", () => {
  it("keeps the erase button disabled until the name is typed", () => {
    const onErase = vi.fn();
    renderWithProviders(<EraseDialog open name="Lotte Verbeek-Zwaan" erasing={false} onErase={onErase} onCancel={() => undefined} />);
    const dialog = screen.getByRole("dialog", { name: "Persoonsgegevens van Lotte Verbeek-Zwaan wissen?" });
    const erase = within(dialog).getByRole("button", { name: "Ja, definitief wissen" }) as HTMLButtonElement;
    expect(erase.disabled).toBe(true);
    const input = within(dialog).getByLabelText("Typ de naam Lotte Verbeek-Zwaan om te bevestigen");
    fireEvent.change(input, { target: { value: "Lotte" } });
    expect(erase.disabled).toBe(true);
    fireEvent.change(input, { target: { value: " lotte verbeek-zwaan " } });
    expect(erase.disabled).toBe(false);
    fireEvent.click(erase);
    expect(onErase).toHaveBeenCalledTimes(1);
  });

  it("matches names only as a whole", () => {
    expect(nameMatches("Lotte Verbeek", "Lotte Verbeek-Zwaan")).toBe(false);
    expect(nameMatches("", "")).toBe(false);
  });
});

describe("RolesForm", () => {
  it("keeps the dates of existing roles, and an empty title is refused at its row", async () => {
    const onSave = vi.fn(async (_roles: unknown): Promise<ActionOutcome> => ({ ok: true }));
    const onDone = vi.fn();
    renderWithProviders(
      <RolesForm
        initial={[{ key: "r1", title: "Vrijwilliger", organisationId: "o1", since: "2025-01-01T00:00:00.000Z", until: null }]}
        organisations={[{ id: "o1", name: "Buurthuis De Zwaluw" }]}
        onSave={onSave}
        onDone={onDone}
        saving={false}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Rol toevoegen" }));
    fireEvent.click(screen.getByRole("button", { name: "Rollen opslaan" }));
    const second = screen.getByRole("group", { name: "Rol 2" });
    expect(await within(second).findByText("Vul de functie of rol in, of haal deze rol weg.")).toBeTruthy();
    fireEvent.change(within(second).getByLabelText(/^Functie of rol/), { target: { value: "Coach" } });
    fireEvent.click(screen.getByRole("button", { name: "Rollen opslaan" }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(onSave).toHaveBeenCalledWith([
      { title: "Vrijwilliger", organisationId: "o1", since: "2025-01-01T00:00:00.000Z", until: null },
      { title: "Coach", organisationId: null, since: null, until: null },
    ]);
  });
});

describe("ConfirmDialog", () => {
  it("starts on the safe choice, and Escape (cancel) calls onCancel", () => {
    const onCancel = vi.fn();
    const onConfirm = vi.fn();
    renderWithProviders(
      <ConfirmDialog
        open
        title="Contacten samenvoegen?"
        confirmLabel="Ja, samenvoegen"
        cancelLabel="Nee, terug"
        onConfirm={onConfirm}
        onCancel={onCancel}
      >
        <p>Je kunt dit niet ongedaan maken.</p>
      </ConfirmDialog>,
    );
    const dialog = screen.getByRole("dialog", { name: "Contacten samenvoegen?" });
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Nee, terug" }));
    fireEvent(dialog, new Event("cancel", { cancelable: true }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
  });
});

describe("WithdrawalEffects", () => {
  const memberships = [
    { id: "m1", until: null, network: { name: "Jongeren Noord" } },
    { id: "m2", until: "2026-01-01T00:00:00Z", network: { name: "Oud netwerk" } },
  ];
  it("names the memberships a NETWORK_MEMBERSHIP withdrawal ends, not the ended ones", () => {
    renderWithProviders(<WithdrawalEffects purpose="NETWORK_MEMBERSHIP" memberships={memberships} />);
    expect(screen.getByText(/Dit beëindigt meteen 1 lidmaatschap/)).toBeTruthy();
    expect(screen.getByRole("listitem").textContent).toBe("Jongeren Noord");
    expect(screen.queryByText("Oud netwerk")).toBeNull();
  });
  it("says that open invitations are revoked for SESSION_INVITATIONS, and nothing for a newsletter", () => {
    const { unmount } = renderWithProviders(<WithdrawalEffects purpose="SESSION_INVITATIONS" memberships={memberships} />);
    expect(screen.getByText(/de persoonlijke link werkt niet meer/)).toBeTruthy();
    unmount();
    const { container } = renderWithProviders(<WithdrawalEffects purpose="NEWSLETTER" memberships={memberships} />);
    expect(container.textContent).toBe("");
  });
  it("says when no membership ends", () => {
    renderWithProviders(<WithdrawalEffects purpose="NETWORK_MEMBERSHIP" memberships={[memberships[1]!]} />);
    expect(screen.getByText("Er is geen lopend lidmaatschap dat hierdoor eindigt.")).toBeTruthy();
  });
});
