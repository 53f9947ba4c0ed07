import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../test/render";
import { ContactEditForm } from "./contact-edit-form";
import type { UpdateOutcome } from "./use-update-contact";
import { serverFieldErrors, validateContact, type ContactFormValues } from "./validate-contact";

const lotte: ContactFormValues = {
  fullName: "Lotte Verbeek",
  email: "lotte@voorbeeld.nl",
  phone: "",
  preferredChannel: "EMAIL",
  preferredLanguage: "nl",
  ageBand: "ADULT",
  status: "ACTIVE",
  districtIds: ["d-overvecht"],
  notes: "",
};
const districts = [
  { id: "d-overvecht", name: "Overvecht" },
  { id: "d-zuid", name: "Zuid" },
];

function setup(onSave: (input: unknown) => Promise<UpdateOutcome>) {
  const onSaved = vi.fn();
  renderWithProviders(
    <ContactEditForm initial={lotte} districts={districts} onSave={onSave} onSaved={onSaved} onCancel={() => undefined} saving={false} />,
  );
  return { onSaved };
}

describe("ContactEditForm", () => {
  it("shows the checks' messages at their fields, focuses the first one and sends nothing", async () => {
    const onSave = vi.fn();
    setup(onSave);
    fireEvent.change(screen.getByLabelText("Naam"), { target: { value: "  " } });
    fireEvent.change(screen.getByLabelText("Telefoonnummer"), { target: { value: "bel mij" } });
    fireEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    expect(await screen.findByText("Vul een naam in.")).toBeTruthy();
    expect(screen.getByText(/Het telefoonnummer klopt niet/)).toBeTruthy();
    expect(screen.getByText("Er klopt iets niet in 2 velden. Kijk bij de rode meldingen.")).toBeTruthy();
    const name = screen.getByLabelText("Naam");
    expect(document.activeElement).toBe(name);
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(name.getAttribute("aria-describedby") ?? "")?.textContent).toBe("Vul een naam in.");
    expect(onSave).not.toHaveBeenCalled();
  });

  it("shows the server's BAD_USER_INPUT field at that field", async () => {
    const onSave = vi.fn(async (): Promise<UpdateOutcome> => ({ ok: false, fields: ["email"], codes: ["BAD_USER_INPUT"] }));
    const { onSaved } = setup(onSave);
    fireEvent.change(screen.getByLabelText("E-mailadres"), { target: { value: "lotte@voorbeeld.invalid" } });
    fireEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    expect(await screen.findByText("Het e-mailadres klopt niet. Controleer het.")).toBeTruthy();
    const email = screen.getByLabelText("E-mailadres");
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("sends trimmed values with empty text as null and the chosen districts, then reports success", async () => {
    const onSave = vi.fn(async (_input: unknown): Promise<UpdateOutcome> => ({ ok: true }));
    const { onSaved } = setup(onSave);
    fireEvent.change(screen.getByLabelText("Naam"), { target: { value: " Lotte Verbeek-Zwaan " } });
    fireEvent.click(screen.getByLabelText("Zuid"));
    fireEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({
      fullName: "Lotte Verbeek-Zwaan",
      phone: null,
      notes: null,
      districtIds: ["d-overvecht", "d-zuid"],
    });
  });

  it("says so when the server fails without naming a field", async () => {
    setup(async () => ({ ok: false, fields: [], codes: [] }));
    fireEvent.click(screen.getByRole("button", { name: "Opslaan" }));
    expect(await screen.findByText("Opslaan is niet gelukt. Probeer het later opnieuw.")).toBeTruthy();
  });
});

describe("contact validation", () => {
  it("accepts Dutch phone notations and rejects words", () => {
    expect(validateContact({ ...lotte, phone: "+31 6 1234 5678" })).toEqual({});
    expect(validateContact({ ...lotte, phone: "030-123 4567" })).toEqual({});
    // Same rule as the server: it starts with a digit or +.
    expect(validateContact({ ...lotte, phone: "(030) 123-4567" }).phone).toBe("contactForm.error.phoneInvalid");
    expect(validateContact({ ...lotte, phone: "bel mij" }).phone).toBe("contactForm.error.phoneInvalid");
  });

  it("maps known server fields and flags unknown ones", () => {
    expect(serverFieldErrors(["email", "districtIds"])).toEqual({
      errors: { email: "contactForm.error.server.email", districtIds: "contactForm.error.server.districtIds" },
      unknown: false,
    });
    expect(serverFieldErrors(["0"]).unknown).toBe(true);
  });
});
