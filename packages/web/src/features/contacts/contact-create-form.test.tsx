import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../test/render";
import { ContactCreateForm, type CreateOutcome } from "./contact-create-form";
import { EMPTY_NEW_CONTACT, serverNewContactErrors, validateNewContact } from "./validate-new-contact";
import { needsGuardianConsent, validateConsent } from "./validate-consent";

const districts = [
  { id: "d-overvecht", name: "Overvecht" },
  { id: "d-zuid", name: "Zuid" },
];
const organisations = [{ id: "o-zwaluw", name: "Buurthuis De Zwaluw" }];

function setup(onSave: (input: unknown) => Promise<CreateOutcome>) {
  const onSaved = vi.fn();
  renderWithProviders(
    <ContactCreateForm
      initial={EMPTY_NEW_CONTACT}
      districts={districts}
      organisations={organisations}
      onSave={onSave}
      onSaved={onSaved}
      onCancel={() => undefined}
      saving={false}
    />,
  );
  return { onSaved };
}

const save = () => fireEvent.click(screen.getByRole("button", { name: "Contact opslaan" }));

describe("ContactCreateForm", () => {
  it("needs a name; the error is at the field, focus goes there and nothing is sent", async () => {
    const onSave = vi.fn();
    setup(onSave);
    save();
    expect(await screen.findByText("Vul een naam in.")).toBeTruthy();
    const name = screen.getByLabelText("Naam");
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(onSave).not.toHaveBeenCalled();
  });

  it("under 16 with consent as the basis, asks for the guardian's consent and then their name", async () => {
    const onSave = vi.fn(async (_input: unknown): Promise<CreateOutcome> => ({ ok: true, id: "c1" }));
    const { onSaved } = setup(onSave);
    fireEvent.change(screen.getByLabelText("Naam"), { target: { value: "Sami Bouzid" } });
    fireEvent.click(screen.getByRole("button", { name: "Toestemming toevoegen" }));
    // Adult: the guardian box is not ticked.
    const consent = screen.getByRole("group", { name: "Toestemming 1" });
    const guardian = within(consent).getByLabelText("Gegeven door een ouder of voogd") as HTMLInputElement;
    expect(guardian.checked).toBe(false);
    fireEvent.change(screen.getByLabelText(/^Leeftijdsgroep/), { target: { value: "AGE_12_15" } });
    expect(within(consent).getByText(/Dit contact is jonger dan 16. Dan moet een ouder of voogd/)).toBeTruthy();

    save();
    expect(await within(consent).findByText(/Vink aan dat een ouder of voogd de toestemming gaf/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(guardian));
    expect(guardian.getAttribute("aria-invalid")).toBe("true");
    expect(onSave).not.toHaveBeenCalled();

    fireEvent.click(guardian);
    save();
    expect(await within(consent).findByText("Vul de naam in van de ouder of voogd die toestemming gaf.")).toBeTruthy();
    const guardianName = within(consent).getByLabelText("Naam van de ouder of voogd");
    await waitFor(() => expect(document.activeElement).toBe(guardianName));

    fireEvent.change(guardianName, { target: { value: " Fatima Bouzid " } });
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith("c1"));
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({
      fullName: "Sami Bouzid",
      ageBand: "AGE_12_15",
      consents: [{ purpose: "NETWORK_MEMBERSHIP", legalBasis: "CONSENT", byGuardian: true, guardianName: "Fatima Bouzid" }],
    });
  });

  it("sends districts and roles with their organisation; an empty role title is an error on that row", async () => {
    const onSave = vi.fn(async (_input: unknown): Promise<CreateOutcome> => ({ ok: true, id: "c2" }));
    const { onSaved } = setup(onSave);
    fireEvent.change(screen.getByLabelText("Naam"), { target: { value: "Lisa Kramer" } });
    fireEvent.click(screen.getByLabelText("Zuid"));
    fireEvent.click(screen.getByRole("button", { name: "Rol toevoegen" }));
    fireEvent.click(screen.getByRole("button", { name: "Rol toevoegen" }));
    const first = screen.getByRole("group", { name: "Rol 1" });
    fireEvent.change(within(first).getByLabelText(/^Functie of rol/), { target: { value: "Trainer" } });
    fireEvent.change(within(first).getByLabelText("Bij organisatie"), { target: { value: "o-zwaluw" } });
    save();
    const second = screen.getByRole("group", { name: "Rol 2" });
    expect(await within(second).findByText("Vul de functie of rol in, of haal deze rol weg.")).toBeTruthy();
    fireEvent.click(within(second).getByRole("button", { name: "Rol 2 weghalen" }));
    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith("c2"));
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({
      districtIds: ["d-zuid"],
      roles: [{ title: "Trainer", organisationId: "o-zwaluw", since: null, until: null }],
      consents: [],
      email: null,
    });
  });

  it("shows the server's BAD_USER_INPUT at the field or row it names", async () => {
    setup(async () => ({ ok: false, paths: ["email", "roles.0.organisationId"], codes: ["BAD_USER_INPUT"] }));
    fireEvent.change(screen.getByLabelText("Naam"), { target: { value: "Lisa Kramer" } });
    fireEvent.change(screen.getByLabelText("E-mailadres"), { target: { value: "lisa@voorbeeld.invalid" } });
    fireEvent.click(screen.getByRole("button", { name: "Rol toevoegen" }));
    const role = screen.getByRole("group", { name: "Rol 1" });
    fireEvent.change(within(role).getByLabelText(/^Functie of rol/), { target: { value: "Trainer" } });
    fireEvent.change(within(role).getByLabelText("Bij organisatie"), { target: { value: "o-zwaluw" } });
    save();
    expect(await screen.findByText("Het e-mailadres klopt niet. Controleer het.")).toBeTruthy();
    expect(within(role).getByText(/Deze organisatie bestaat niet \(meer\)/)).toBeTruthy();
    expect(screen.getByText("Er klopt iets niet in 2 velden. Kijk bij de rode meldingen.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("E-mailadres")));
  });
});

describe("new-contact rules", () => {
  it("mirror the server's guardian rule: only for under 16 and only with consent as the basis", () => {
    expect(needsGuardianConsent("UNDER_12")).toBe(true);
    expect(needsGuardianConsent("AGE_12_15")).toBe(true);
    expect(needsGuardianConsent("AGE_16_17")).toBe(false);
    const consent = { purpose: "NEWSLETTER" as const, legalBasis: "CONSENT" as const, byGuardian: false, guardianName: "" };
    expect(validateConsent("AGE_12_15", consent).byGuardian).toBe("consentForm.error.guardianRequired");
    expect(validateConsent("AGE_12_15", { ...consent, legalBasis: "PUBLIC_TASK" })).toEqual({});
    expect(validateConsent("ADULT", consent)).toEqual({});
    // A guardian's consent always names the guardian, at any age (server rule).
    expect(validateConsent("ADULT", { ...consent, byGuardian: true }).guardianName).toBe("consentForm.error.guardianNameRequired");
  });

  it("map nested server paths onto rows, and unknown ones to a general error", () => {
    const errors = serverNewContactErrors(["consents.1.guardianName", "roles.0.title", "roles"]);
    expect(errors.consents[1]).toEqual({ guardianName: "consentForm.error.server.guardianName" });
    expect(errors.roles[0]).toEqual({ title: "roleForm.error.server.title" });
    expect(errors.other).toBe(true);
    expect(validateNewContact({ ...EMPTY_NEW_CONTACT, fullName: "x".repeat(121) }).fields.fullName).toBe(
      "contactForm.error.fullNameTooLong",
    );
  });
});
