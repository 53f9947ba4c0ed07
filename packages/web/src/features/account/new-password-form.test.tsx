import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../test/render";
import { NewPasswordForm } from "./new-password-form";
import type { Outcome } from "./use-account";

function setup(onSave: (password: string, current: string) => Promise<Outcome>, withCurrent = false) {
  const onSaved = vi.fn();
  renderWithProviders(
    <NewPasswordForm
      withCurrent={withCurrent}
      submitLabel="Wachtwoord opslaan"
      saving={false}
      onSave={onSave}
      onSaved={onSaved}
      describeFailure={(o) => (o.reasons.includes("TOKEN_EXPIRED") ? "Deze link is verlopen." : "Mislukt.")}
    />,
  );
  return { onSaved };
}

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = () => fireEvent.click(screen.getByRole("button", { name: "Wachtwoord opslaan" }));

describe("NewPasswordForm", () => {
  it("asks for 12 characters (counted as characters) and the same password twice, before sending", async () => {
    const onSave = vi.fn();
    setup(onSave);
    fill("Nieuw wachtwoord", "kort wachtw");
    submit();
    expect(await screen.findByText("Het wachtwoord is te kort. Gebruik minstens 12 tekens.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Nieuw wachtwoord")));
    fill("Nieuw wachtwoord", "fietsen langs de vecht");
    fill("Herhaal het nieuwe wachtwoord", "fietsen langs de vech");
    submit();
    expect(await screen.findByText("De twee wachtwoorden zijn niet hetzelfde.")).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it("has no composition rules: a lower-case sentence is sent as typed", async () => {
    const onSave = vi.fn(async (): Promise<Outcome> => ({ ok: true }));
    const { onSaved } = setup(onSave);
    fill("Nieuw wachtwoord", "fietsen langs de vecht");
    fill("Herhaal het nieuwe wachtwoord", "fietsen langs de vecht");
    submit();
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(onSave).toHaveBeenCalledWith("fietsen langs de vecht", "");
  });

  it("shows the server's reason at the field (common password) and an expired link in the summary", async () => {
    const onSave = vi
      .fn<(p: string, c: string) => Promise<Outcome>>()
      .mockResolvedValueOnce({ ok: false, codes: ["BAD_USER_INPUT"], reasons: ["PASSWORD_COMMON"], fields: ["password"] })
      .mockResolvedValueOnce({ ok: false, codes: ["UNAUTHENTICATED"], reasons: ["TOKEN_EXPIRED"], fields: [] });
    setup(onSave);
    fill("Nieuw wachtwoord", "passwordpassword");
    fill("Herhaal het nieuwe wachtwoord", "passwordpassword");
    submit();
    expect(await screen.findByText(/Dit wachtwoord wordt veel gebruikt/)).toBeTruthy();
    submit();
    expect(await screen.findByText("Deze link is verlopen.")).toBeTruthy();
  });

  it("on the account page asks for the current password and shows a wrong one at that field", async () => {
    const onSave = vi.fn(
      async (): Promise<Outcome> => ({ ok: false, codes: ["BAD_USER_INPUT"], reasons: ["WRONG_PASSWORD"], fields: ["currentPassword"] }),
    );
    setup(onSave, true);
    fill("Nieuw wachtwoord", "fietsen langs de vecht");
    fill("Herhaal het nieuwe wachtwoord", "fietsen langs de vecht");
    submit();
    expect(await screen.findByText("Vul een wachtwoord in.")).toBeTruthy();
    fill("Huidig wachtwoord", "oud wachtwoord");
    submit();
    expect(await screen.findByText("Het huidige wachtwoord klopt niet.")).toBeTruthy();
    expect(onSave).toHaveBeenCalledWith("fietsen langs de vecht", "oud wachtwoord");
  });
});
