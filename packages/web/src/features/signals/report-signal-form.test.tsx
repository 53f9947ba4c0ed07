import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { renderWithProviders } from "../../test/render";
import { MarkGuardWarningWrongDocument, type ReportSignalInput } from "../../generated/gql/graphql";
import { ReportSignalForm } from "./report-signal-form";
import { situationWarnings, type ReportOutcome } from "./use-report-signal";

const DISTRICTS = [{ id: "d-overvecht", name: "Overvecht" }];

function setup(onSubmit: (input: ReportSignalInput) => Promise<ReportOutcome>, role: "ALLY" | "COORDINATOR" = "ALLY", sending = false) {
  const onSent = vi.fn();
  renderWithProviders(<ReportSignalForm role={role} districts={DISTRICTS} onSubmit={onSubmit} onSent={onSent} sending={sending} />);
  return { onSent };
}

describe("ReportSignalForm", () => {
  it("guides to describe the situation and links to the anti-discrimination service through the counter", () => {
    setup(vi.fn());
    expect(screen.getByText(/Beschrijf de situatie, niet de mensen/)).toBeTruthy();
    const link = screen.getByRole("link", { name: /Art\.1 Middennederland/ });
    expect(link.getAttribute("href")).toBe("/referral?district=d-overvecht");
    expect(screen.getByText(/We tellen alleen hoe vaak deze link per wijk en maand wordt gevolgd/)).toBeTruthy();
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
      // A key per report, so a retry after a lost answer does not report twice.
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it("finds words about people while typing, underlines them, and sends only on an explicit 'send anyway'", async () => {
    const onSubmit = vi.fn(async (_input: ReportSignalInput): Promise<ReportOutcome> => ({ ok: true, id: "s2" }));
    const { onSent } = setup(onSubmit);
    const summary = screen.getByLabelText("Wat is er aan de hand?");
    fireEvent.change(summary, { target: { value: "M.a.r.o.k.k.a.a.n.s.e jongens hangen rond" } });
    // At once, before sending: the message at the field and the word underlined.
    expect(screen.getByText(/In je tekst staat "M.a.r.o.k.k.a.a.n.s.e"/)).toBeTruthy();
    expect(summary.getAttribute("aria-invalid")).toBe("true");
    expect(document.querySelector(".wijknet-situation-preview mark")?.textContent).toBe("M.a.r.o.k.k.a.a.n.s.e");
    // Sending as is asks first and does not reach the server.
    fireEvent.click(screen.getByRole("button", { name: "Melding versturen" }));
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.getByText(/Je tekst beschrijft mensen in plaats van de situatie/)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Toch versturen zoals het er staat" }));
    await waitFor(() => expect(onSent).toHaveBeenCalledWith("s2"));
    expect(onSubmit.mock.calls[0]?.[0].acknowledgeWarnings).toBe(true);
  });

  it("'Klopt niet' sends only the flagged words; a reworded report says a warning was shown", async () => {
    const onSubmit = vi.fn(async (_input: ReportSignalInput): Promise<ReportOutcome> => ({ ok: true, id: "s3" }));
    const onSent = vi.fn();
    const text = "Marokkaanse jongens bij Fietsen Hoogendijk";
    const props = { role: "ALLY" as const, districts: DISTRICTS, onSubmit, onSent, sending: false };
    renderWithProviders(<ReportSignalForm {...props} />, {
      // Only this exact request is answered: any other word in `words` would fail the test.
      mocks: [
        {
          request: { query: MarkGuardWarningWrongDocument, variables: { input: { field: "input.summary", words: ["Marokkaanse"] } } },
          result: { data: { markGuardWarningWrong: true } },
        },
      ],
    });
    const summary = screen.getByLabelText("Wat is er aan de hand?");
    fireEvent.change(summary, { target: { value: text } });
    fireEvent.click(screen.getByRole("button", { name: "Klopt niet" }));
    expect(await screen.findByText(/alleen de gemarkeerde woorden doorgegeven/)).toBeTruthy();
    fireEvent.change(summary, { target: { value: "Jongens bij Fietsen Hoogendijk" } });
    fireEvent.click(screen.getByRole("button", { name: "Melding versturen" }));
    await waitFor(() => expect(onSent).toHaveBeenCalledWith("s3"));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ acknowledgeWarnings: false, warningsShown: true });
  });

  it("a shop in the place field is a place; a rephrased text has no warning", () => {
    setup(vi.fn());
    fireEvent.change(screen.getByLabelText(/^Waar\?/), { target: { value: "bij de Turkse bakker" } });
    fireEvent.change(screen.getByLabelText("Wat is er aan de hand?"), { target: { value: "Jongeren hangen rond" } });
    expect(document.querySelector(".wijknet-situation-preview")).toBeNull();
    expect(screen.queryByRole("button", { name: "Toch versturen zoals het er staat" })).toBeNull();
  });

  it("shows the server's DESCRIBES_PERSONS warnings at their fields too", async () => {
    const onSubmit = vi
      .fn<(input: ReportSignalInput) => Promise<ReportOutcome>>()
      .mockResolvedValueOnce({ ok: false, kind: "warnings", warnings: [{ field: "summary", term: "vreemd woord" }] })
      .mockResolvedValueOnce({ ok: true, id: "s3" });
    const { onSent } = setup(onSubmit);
    const summary = screen.getByLabelText("Wat is er aan de hand?");
    fireEvent.change(summary, { target: { value: "Onrust met vreemd woord" } });
    fireEvent.click(screen.getByRole("button", { name: "Melding versturen" }));
    expect(await screen.findByText(/In je tekst staat "vreemd woord"/)).toBeTruthy();
    fireEvent.click(await screen.findByRole("button", { name: "Toch versturen zoals het er staat" }));
    await waitFor(() => expect(onSent).toHaveBeenCalledWith("s3"));
    expect(onSubmit.mock.calls[1]?.[0].acknowledgeWarnings).toBe(true);
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
