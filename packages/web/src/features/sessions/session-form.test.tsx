import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../test/render";
import { SessionForm } from "./session-form";
import type { SaveOutcome } from "./use-sessions";
import { EMPTY_SESSION, serverSessionErrors, toSessionInput, validateSession, type SessionFormValues } from "./validate-session";

const NOW = new Date("2026-06-01T10:00:00");
const DISTRICTS = [{ id: "d1", name: "Overvecht" }];

function setup(onSave: (values: SessionFormValues) => Promise<SaveOutcome>, initial = EMPTY_SESSION) {
  const onSaved = vi.fn();
  renderWithProviders(
    <SessionForm
      mode="create"
      initial={initial}
      districts={DISTRICTS}
      submitLabel="Bijeenkomst opslaan"
      onSave={onSave}
      onSaved={onSaved}
      onCancel={() => undefined}
      saving={false}
      now={() => NOW}
    />,
  );
  return { onSaved };
}

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

function fillValid() {
  fill("Titel", "  Samen tegen discriminatie ");
  fill("Wijk", "d1");
  fill("Plaats", "Buurthuis De Zwaluw");
  fill("Begint op", "2026-06-10T19:00");
  fill("Eindigt op", "2026-06-10T21:00");
  fill("Aantal plaatsen", "12");
  fill("Plaatsen alleen voor jongeren", "2");
}

describe("SessionForm", () => {
  it("names each missing field at the field and focuses the first; nothing is sent", async () => {
    const onSave = vi.fn();
    setup(onSave);
    fireEvent.click(screen.getByRole("button", { name: "Bijeenkomst opslaan" }));
    expect(await screen.findByText("Vul een titel in.")).toBeTruthy();
    expect(screen.getByText("Vul in waar de bijeenkomst is.")).toBeTruthy();
    expect(screen.getByText("Vul de datum en tijd van de start in.")).toBeTruthy();
    const title = screen.getByLabelText("Titel");
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(title.getAttribute("aria-invalid")).toBe("true");
    expect(title.getAttribute("aria-describedby")).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it("checks the times: the end after the start, a deadline before the start, youth seats within capacity", async () => {
    const onSave = vi.fn();
    setup(onSave);
    fillValid();
    fill("Eindigt op", "2026-06-10T18:00");
    fill("Aanmelden kan tot", "2026-06-11T12:00");
    fill("Plaatsen alleen voor jongeren", "13");
    fireEvent.click(screen.getByRole("button", { name: "Bijeenkomst opslaan" }));
    expect(await screen.findByText("Het einde moet na de start liggen.")).toBeTruthy();
    expect(screen.getByText("Aanmelden moet sluiten vóór de start.")).toBeTruthy();
    expect(screen.getByText("Vul een aantal in tussen 0 en het aantal plaatsen.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Eindigt op")));
    expect(onSave).not.toHaveBeenCalled();
  });

  it("sends trimmed values and reports the new id", async () => {
    const onSave = vi.fn(async (_values: SessionFormValues): Promise<SaveOutcome> => ({ ok: true, id: "s1" }));
    const { onSaved } = setup(onSave);
    fillValid();
    fireEvent.click(screen.getByRole("button", { name: "Bijeenkomst opslaan" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith("s1"));
    const input = toSessionInput(onSave.mock.calls[0]![0]);
    expect(input).toMatchObject({
      title: "Samen tegen discriminatie",
      districtId: "d1",
      place: "Buurthuis De Zwaluw",
      capacity: 12,
      youthReservedSeats: 2,
      reminderMinutesBefore: 1440,
      rsvpDeadline: null,
      description: null,
    });
    // 19:00 typed is 19:00 in Utrecht (summer time, UTC+2), whatever zone the device is in.
    expect(input.startsAt).toBe("2026-06-10T17:00:00.000Z");
  });

  it("shows the server's BAD_USER_INPUT at the field it names and focuses it", async () => {
    setup(async () => ({ ok: false, fields: ["capacity"], codes: ["BAD_USER_INPUT"] }));
    fillValid();
    fireEvent.click(screen.getByRole("button", { name: "Bijeenkomst opslaan" }));
    expect(await screen.findByText(/Het aantal plaatsen klopt niet/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Aantal plaatsen")));
  });

  it("says so when the server fails without naming a field", async () => {
    setup(async () => ({ ok: false, fields: [], codes: [] }));
    fillValid();
    fireEvent.click(screen.getByRole("button", { name: "Bijeenkomst opslaan" }));
    expect(await screen.findByText("Opslaan is niet gelukt. Probeer het later opnieuw.")).toBeTruthy();
  });
});

describe("session validation", () => {
  it("mirrors the server's limits", () => {
    const base: SessionFormValues = { ...EMPTY_SESSION, title: "A", place: "B", startsAt: "2026-06-10T19:00", endsAt: "2026-06-10T21:00" };
    expect(validateSession(base, NOW)).toEqual({});
    expect(validateSession({ ...base, startsAt: "2026-05-01T19:00", endsAt: "2026-05-01T21:00" }, NOW).startsAt).toBe(
      "sessionForm.error.startPast",
    );
    // Editing a session that has started: an unchanged start is not checked against now.
    expect(validateSession({ ...base, startsAt: "2026-05-01T19:00", endsAt: "2026-05-01T21:00" }, NOW, false)).toEqual({});
    expect(validateSession({ ...base, endsAt: "2026-06-11T20:00" }, NOW).endsAt).toBe("sessionForm.error.endTooLate");
    expect(validateSession({ ...base, capacity: "2001" }, NOW).capacity).toBe("sessionForm.error.capacity");
    expect(validateSession({ ...base, reminderHours: "400" }, NOW).reminderMinutesBefore).toBe("sessionForm.error.reminder");
    expect(toSessionInput({ ...base, reminderHours: "" }).reminderMinutesBefore).toBeNull();
    expect(serverSessionErrors(["startsAt", "unknown"])).toEqual({ startsAt: "sessionForm.error.server.startsAt" });
  });
});
