import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { renderWithProviders } from "../../test/render";
import type { ReportSignalInput } from "../../generated/gql/graphql";
import { DISCRIMINATION_REFERRAL_URL, ReportSignalForm } from "./report-signal-form";
import { situationWarnings, type ReportOutcome } from "./use-report-signal";

const DISTRICTS = [{ id: "d-overvecht", name: "Overvecht" }];

function setup(onSubmit: (input: ReportSignalInput) => Promise<ReportOutcome>, role: "ALLY" | "COORDINATOR" = "ALLY", sending = false) {
  const onSent = vi.fn();
  renderWithProviders(<ReportSignalForm role={role} districts={DISTRICTS} onSubmit={onSubmit} onSent={onSent} sending={sending} />);
  return { onSent };
}

describe("ReportSignalForm", () => {
  it("guides to describe the situation and links to the anti-discrimination service (a link only)", () => {
    setup(vi.fn());
    expect(screen.getByText(/Beschrijf de situatie, niet de mensen/)).toBeTruthy();
    const link = screen.getByRole("link", { name: /Art\.1 Middennederland/ });
    expect(link.getAttribute("href")).toBe(DISCRIMINATION_REFERRAL_URL);
    // Allies cannot share with police themselves; they choose whether police may see who reported.
    expect(screen.queryByLabelText("Meteen delen met de politie")).toBeNull();
    expect(screen.getByLabelText("De politie mag zien dat ik dit meldde")).toBeTruthy();
  });

  it("needs a summary; the error sits at the field and nothing is sent", async () => {
    const onSubmit = vi.fn();
    setup(onSubmit);
    fireEvent.click(screen.getByRole("button", { name: "Melding versturen" }));
    expect(await screen.findByText(/Schrijf in 3 tot 200 tekens/)).toBeTruthy();
    const summary = screen.getByLabelText("Wat is er aan de hand?");
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("sends a situation, coordination only, without acknowledging warnings", async () => {
    const onSubmit = vi.fn(async (_input: ReportSignalInput): Promise<ReportOutcome> => ({ ok: true, id: "s1" }));
    const { onSent } = setup(onSubmit);
    fireEvent.change(screen.getByLabelText("Wat is er aan de hand?"), { target: { value: " Geschreeuw bij het winkelcentrum " } });
    fireEvent.change(screen.getByLabelText("Waar? (straat, plein of online kanaal)"), { target: { value: "Winkelcentrum Overvecht" } });
    fireEvent.click(screen.getByRole("button", { name: "Melding versturen" }));
    await waitFor(() => expect(onSent).toHaveBeenCalledWith("s1"));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      summary: "Geschreeuw bij het winkelcentrum",
      districtId: "d-overvecht",
      place: "Winkelcentrum Overvecht",
      details: null,
      visibility: "COORDINATION_ONLY",
      acknowledgeWarnings: false,
    });
  });

  it("shows DESCRIBES_PERSONS warnings at their fields; the reporter may rephrase or send anyway", async () => {
    const onSubmit = vi
      .fn<(input: ReportSignalInput) => Promise<ReportOutcome>>()
      .mockResolvedValueOnce({ ok: false, kind: "warnings", warnings: [{ field: "summary", term: "Marokkaanse" }] })
      .mockResolvedValueOnce({ ok: false, kind: "warnings", warnings: [{ field: "summary", term: "Marokkaanse" }] })
      .mockResolvedValueOnce({ ok: true, id: "s2" });
    const { onSent } = setup(onSubmit);
    const summary = screen.getByLabelText("Wat is er aan de hand?");
    fireEvent.change(summary, { target: { value: "Marokkaanse jongens hangen rond" } });
    expect(screen.queryByRole("button", { name: "Toch versturen zoals het er staat" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Melding versturen" }));
    expect(await screen.findByText(/In je tekst staat "Marokkaanse"/)).toBeTruthy();
    expect(summary.getAttribute("aria-invalid")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.getByText(/Je tekst beschrijft mensen in plaats van de situatie/)).toBeTruthy();

    // Sending again as is asks again; only the explicit button acknowledges.
    fireEvent.click(screen.getByRole("button", { name: "Melding versturen" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
    expect(onSubmit.mock.calls[1]?.[0].acknowledgeWarnings).toBe(false);
    fireEvent.click(await screen.findByRole("button", { name: "Toch versturen zoals het er staat" }));
    await waitFor(() => expect(onSent).toHaveBeenCalledWith("s2"));
    expect(onSubmit.mock.calls[2]?.[0].acknowledgeWarnings).toBe(true);
  });

  it("says so when sending fails without a field", async () => {
    setup(async () => ({ ok: false, kind: "unknown" }));
    fireEvent.change(screen.getByLabelText("Wat is er aan de hand?"), { target: { value: "Onrust op het plein" } });
    fireEvent.click(screen.getByRole("button", { name: "Melding versturen" }));
    expect(await screen.findByText("Versturen is niet gelukt. Probeer het later opnieuw.")).toBeTruthy();
  });

  it("lets a coordinator share with police straight away", async () => {
    const onSubmit = vi.fn(async (_input: ReportSignalInput): Promise<ReportOutcome> => ({ ok: true, id: "s3" }));
    setup(onSubmit, "COORDINATOR");
    fireEvent.change(screen.getByLabelText("Wat is er aan de hand?"), { target: { value: "Vechtpartij op het plein" } });
    fireEvent.click(screen.getByLabelText("Meteen delen met de politie"));
    fireEvent.click(screen.getByRole("button", { name: "Melding versturen" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0]?.[0].visibility).toBe("SHARED_WITH_POLICE");
  });

  it("shows the busy state while sending", () => {
    setup(vi.fn(), "ALLY", true);
    expect((screen.getByRole("button", { name: "Bezig met versturen…" }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("situationWarnings", () => {
  it("reads the terms and fields of a DESCRIBES_PERSONS refusal; other errors are not warnings", () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: "input.summary: describes persons",
          extensions: {
            code: "BAD_USER_INPUT",
            reason: "DESCRIBES_PERSONS",
            field: "input.summary",
            warnings: [
              { field: "input.summary", term: "Turkse", message: "…" },
              { field: "input.details", term: "moslims", message: "…" },
            ],
          },
        },
      ],
    });
    expect(situationWarnings(error)).toEqual([
      { field: "summary", term: "Turkse" },
      { field: "details", term: "moslims" },
    ]);
    expect(
      situationWarnings(
        new CombinedGraphQLErrors({ errors: [{ message: "x", extensions: { code: "BAD_USER_INPUT", field: "input.summary" } }] }),
      ),
    ).toBeNull();
  });
});
