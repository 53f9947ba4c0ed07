import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../test/render";
import { EMPTY_ORGANISATION, OrganisationForm } from "./organisation-form";
import type { SaveOutcome } from "./use-organisations";
import { serverOrganisationErrors, validateOrganisation } from "./validate-organisation";

function setup(onSave: (input: unknown) => Promise<SaveOutcome>, saving = false) {
  const onSaved = vi.fn();
  renderWithProviders(
    <OrganisationForm
      initial={EMPTY_ORGANISATION}
      submitLabel="Organisatie opslaan"
      onSave={onSave}
      onSaved={onSaved}
      onCancel={() => undefined}
      saving={saving}
    />,
  );
  return { onSaved };
}

describe("OrganisationForm", () => {
  it("needs a name and a real web address; errors sit at their fields and focus goes to the first", async () => {
    const onSave = vi.fn();
    setup(onSave);
    fireEvent.change(screen.getByLabelText("Website"), { target: { value: "www.buurthuis.nl" } });
    fireEvent.click(screen.getByRole("button", { name: "Organisatie opslaan" }));
    expect(await screen.findByText("Vul de naam van de organisatie in.")).toBeTruthy();
    expect(screen.getByText(/Dit is geen webadres/)).toBeTruthy();
    const name = screen.getByLabelText("Naam");
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(onSave).not.toHaveBeenCalled();
  });

  it("sends trimmed values, no website as null, then reports success", async () => {
    const onSave = vi.fn(async (_input: unknown): Promise<SaveOutcome> => ({ ok: true, id: "o1" }));
    const { onSaved } = setup(onSave);
    fireEvent.change(screen.getByLabelText("Naam"), { target: { value: "  Sportclub Noordster " } });
    fireEvent.change(screen.getByLabelText("Soort organisatie"), { target: { value: "SPORTS_CLUB" } });
    fireEvent.click(screen.getByRole("button", { name: "Organisatie opslaan" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith("o1"));
    expect(onSave.mock.calls[0]?.[0]).toEqual({ name: "Sportclub Noordster", kind: "SPORTS_CLUB", website: null });
  });

  it("a name that describes people is underlined at once and saved only when the author keeps it; a shop-like name is fine", async () => {
    const onSave = vi.fn(async (_input: unknown): Promise<SaveOutcome> => ({ ok: true, id: "o2" }));
    const { onSaved } = setup(onSave);
    const name = screen.getByLabelText("Naam");
    fireEvent.change(name, { target: { value: "Turkse Vereniging Zuilen" } });
    expect(document.querySelector(".wijknet-situation-preview")).toBeNull();
    fireEvent.change(name, { target: { value: "Opvang voor Marokkaanse jongens" } });
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(document.querySelector(".wijknet-situation-preview mark")?.textContent).toBe("Marokkaanse");
    fireEvent.click(screen.getByRole("button", { name: "Organisatie opslaan" }));
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Toch opslaan zoals het er staat" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith("o2"));
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({ name: "Opvang voor Marokkaanse jongens", acknowledgeWarnings: true });
  });

  it("shows the server's CONFLICT (name exists) and BAD_USER_INPUT website at their fields", async () => {
    setup(async () => ({ ok: false, fields: ["website"], codes: ["BAD_USER_INPUT", "CONFLICT"] }));
    fireEvent.change(screen.getByLabelText("Naam"), { target: { value: "Buurthuis De Zwaluw" } });
    fireEvent.click(screen.getByRole("button", { name: "Organisatie opslaan" }));
    expect(await screen.findByText(/Er is al een organisatie met deze naam/)).toBeTruthy();
    expect(screen.getByText("Het webadres klopt niet. Begin met https://.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Naam")));
  });

  it("says so when the server fails without naming a field", async () => {
    setup(async () => ({ ok: false, fields: [], codes: [] }));
    fireEvent.change(screen.getByLabelText("Naam"), { target: { value: "Buurthuis" } });
    fireEvent.click(screen.getByRole("button", { name: "Organisatie opslaan" }));
    expect(await screen.findByText("Opslaan is niet gelukt. Probeer het later opnieuw.")).toBeTruthy();
  });

  it("shows the busy state while saving", () => {
    setup(vi.fn(), true);
    const button = screen.getByRole("button", { name: "Bezig met opslaan…" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
  });
});

describe("organisation validation", () => {
  it("mirrors the server: http(s) addresses only, names up to 160 characters", () => {
    expect(validateOrganisation({ name: "A", kind: "OTHER", website: "https://a.nl" })).toEqual({});
    expect(validateOrganisation({ name: "A", kind: "OTHER", website: "ftp://a.nl" }).website).toBe("organisationForm.error.websiteInvalid");
    expect(validateOrganisation({ name: "x".repeat(161), kind: "OTHER", website: "" }).name).toBe("organisationForm.error.nameTooLong");
    expect(serverOrganisationErrors(["name"], [])).toEqual({ name: "organisationForm.error.server.name" });
  });
});
