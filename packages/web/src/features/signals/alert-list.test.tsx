import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { useReducer } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../test/render";
import { AlertList } from "./alert-list";
import {
  alertListReducer,
  EMPTY_ALERTS,
  type AlertData,
  type AlertEvent,
  type AlertListAction,
  type AlertListState,
} from "./alert-list-state";

function alert(id: string, createdAt: string, summary: string, extra: Partial<AlertData> = {}): AlertData {
  return {
    __typename: "Alert",
    id,
    reason: "DISTRICT_LIAISON",
    escalationLevel: 0,
    createdAt,
    acknowledgedAt: null,
    acknowledgeComment: null,
    escalatesAt: null,
    signal: {
      __typename: "Signal",
      id: `s-${id}`,
      summary,
      kind: "TENSION",
      severity: "HIGH",
      status: "NEW",
      place: null,
      district: { __typename: "District", id: "d1", name: "Overvecht" },
    },
    ...extra,
  };
}

function raised(a: AlertData, cursor: string): AlertEvent {
  return { __typename: "AlertFeedEvent", cursor, kind: "RAISED", at: a.createdAt, alert: a, acknowledged: null };
}

describe("alertListReducer", () => {
  it("merges history and live events by id, newest first, without duplicates", () => {
    let state: AlertListState = EMPTY_ALERTS;
    state = alertListReducer(state, { type: "history", alerts: [alert("a1", "2026-11-29T08:00:00Z", "Eerste")] });
    state = alertListReducer(state, { type: "event", event: raised(alert("a2", "2026-11-29T08:01:00Z", "Tweede"), "c2") });
    state = alertListReducer(state, { type: "event", event: raised(alert("a3", "2026-11-29T08:02:00Z", "Derde"), "c3") });
    // A replay after a reconnect delivers a known alert again: still three.
    state = alertListReducer(state, { type: "event", event: raised(alert("a2", "2026-11-29T08:01:00Z", "Tweede"), "c2") });
    expect(state.alerts.map((a) => a.id)).toEqual(["a3", "a2", "a1"]);
    expect(state.alerts.map((a) => a.isNew)).toEqual([true, true, false]);
    expect(state.lastArrival?.summary).toBe("Derde");
  });

  it("keeps an acknowledgement when a stale copy arrives, and records who acknowledged", () => {
    let state = alertListReducer(EMPTY_ALERTS, { type: "event", event: raised(alert("a1", "2026-11-29T08:00:00Z", "Eerste"), "c1") });
    state = alertListReducer(state, {
      type: "event",
      event: {
        __typename: "AlertFeedEvent",
        cursor: "c2",
        kind: "ACKNOWLEDGED",
        at: "2026-11-29T08:03:00Z",
        alert: alert("a1", "2026-11-29T08:00:00Z", "Eerste"),
        acknowledged: {
          __typename: "Alert",
          id: "other",
          acknowledgedAt: "2026-11-29T08:03:00Z",
          acknowledgeComment: "Ik ga erheen",
          recipient: { __typename: "User", id: "u2", displayName: "Wijkagent Piet" },
        },
      },
    });
    expect(state.alerts[0]).toMatchObject({ acknowledgedAt: "2026-11-29T08:03:00Z", acknowledgedBy: "Wijkagent Piet", isNew: false });
    state = alertListReducer(state, { type: "history", alerts: [alert("a1", "2026-11-29T08:00:00Z", "Eerste")] });
    expect(state.alerts[0]?.acknowledgedAt).toBe("2026-11-29T08:03:00Z");
  });
});

/** The console's list with its state, as the page holds it; `push` stands in for the subscription. */
function Harness({
  onReady,
  onAcknowledge,
}: {
  onReady: (dispatch: (a: AlertListAction) => void) => void;
  onAcknowledge: (id: string, c: string) => Promise<boolean>;
}) {
  const [state, dispatch] = useReducer(alertListReducer, EMPTY_ALERTS);
  onReady(dispatch);
  return <AlertList alerts={state.alerts} onAcknowledge={onAcknowledge} />;
}

describe("AlertList", () => {
  it("shows new alerts at the top with a visible 'Nieuw' cue as they arrive", async () => {
    let dispatch: (a: AlertListAction) => void = () => undefined;
    renderWithProviders(<Harness onReady={(d) => (dispatch = d)} onAcknowledge={async () => true} />);
    expect(screen.getByText("Er zijn nog geen meldingen voor jou.")).toBeTruthy();
    act(() =>
      dispatch({
        type: "history",
        alerts: [alert("a1", "2026-11-29T08:00:00Z", "Oude melding", { acknowledgedAt: "2026-11-29T08:05:00Z" })],
      }),
    );
    act(() => dispatch({ type: "event", event: raised(alert("a2", "2026-11-29T09:00:00Z", "Onrust bij het plein"), "c2") }));
    const list = screen.getByRole("list", { name: "Meldingen, nieuwste eerst" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain("Onrust bij het plein");
    expect(within(items[0]!).getByText("Nieuw")).toBeTruthy();
    expect(items[0]?.className).toContain("wijknet-alert--new");
    expect(within(items[1]!).queryByText("Nieuw")).toBeNull();
    expect(within(items[1]!).getByText(/Bevestigd op/)).toBeTruthy();
    // The signal detail is one click away.
    expect(within(items[0]!).getByRole("link", { name: "Bekijk signaal: Onrust bij het plein" }).getAttribute("href")).toBe(
      "/signalen/s-a2",
    );
  });

  it("acknowledges with a comment; a failure says so and keeps the form", async () => {
    const onAcknowledge = vi.fn<(id: string, c: string) => Promise<boolean>>().mockResolvedValueOnce(false).mockResolvedValueOnce(true);
    let dispatch: (a: AlertListAction) => void = () => undefined;
    renderWithProviders(<Harness onReady={(d) => (dispatch = d)} onAcknowledge={onAcknowledge} />);
    act(() => dispatch({ type: "event", event: raised(alert("a1", "2026-11-29T09:00:00Z", "Onrust"), "c1") }));
    fireEvent.change(screen.getByLabelText("Opmerking bij bevestigen"), { target: { value: " Ik ga erheen " } });
    fireEvent.click(screen.getByRole("button", { name: "Bevestigen" }));
    expect(await screen.findByText("Bevestigen is niet gelukt. Probeer het opnieuw.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Bevestigen" }));
    await waitFor(() => expect(onAcknowledge).toHaveBeenLastCalledWith("a1", "Ik ga erheen"));
  });

  it("a comment that describes people is underlined at once and sent only when the liaison keeps it", async () => {
    const onAcknowledge = vi.fn<(id: string, c: string, ack?: boolean) => Promise<boolean>>().mockResolvedValue(true);
    let dispatch: (a: AlertListAction) => void = () => undefined;
    renderWithProviders(<Harness onReady={(d) => (dispatch = d)} onAcknowledge={onAcknowledge} />);
    act(() => dispatch({ type: "event", event: raised(alert("a1", "2026-11-29T09:00:00Z", "Onrust"), "c1") }));
    const field = screen.getByLabelText("Opmerking bij bevestigen");
    fireEvent.change(field, { target: { value: "Het zijn weer die Marokkaanse jongens, bekend bij ons" } });
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(document.querySelector(".wijknet-situation-preview mark")?.textContent).toBe("Marokkaanse");
    fireEvent.click(screen.getByRole("button", { name: "Bevestigen" }));
    expect(await screen.findByText(/Je tekst beschrijft mensen/)).toBeTruthy();
    expect(onAcknowledge).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Toch opslaan zoals het er staat" }));
    await waitFor(() => expect(onAcknowledge).toHaveBeenCalledWith("a1", "Het zijn weer die Marokkaanse jongens, bekend bij ons", true));
  });
});
