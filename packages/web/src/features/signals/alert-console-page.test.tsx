import { act, screen, waitFor, within } from "@testing-library/react";
import type { ResumableWsClient } from "@wijknet/shared";
import { describe, expect, it } from "vitest";
import { AlertHistoryDocument } from "../../generated/gql/graphql";
import { renderWithProviders, testServices } from "../../test/render";
import type { Viewer } from "../auth/use-viewer";
import { AlertConsolePage } from "./alert-console-page";

const VIEWER = {
  __typename: "User",
  id: "u-liaison",
  email: "liaison@example.nl",
  displayName: "Wijkagent Sanne",
  role: "POLICE_LIAISON",
  districts: [],
  municipality: { __typename: "Municipality", id: "m1", name: "Utrecht" },
} as unknown as Viewer;

type Sink = { next: (value: unknown) => void; error: (e: unknown) => void; complete: () => void };

/** Enough of the resumable client for subscribeResumable: records what was subscribed, lets the test push frames. */
function fakeWsClient() {
  const subscriptions: Array<{ variables: Record<string, unknown>; sink: Sink }> = [];
  const client = {
    getStatus: () => "connected",
    getConnectionCount: () => 1,
    on: () => () => undefined,
    backoff: { baseDelayMs: 10, maxDelayMs: 10 },
    subscribe: (payload: { variables: Record<string, unknown> }, sink: Sink) => {
      subscriptions.push({ variables: payload.variables, sink });
      return () => undefined;
    },
  };
  return { client: client as unknown as ResumableWsClient, subscriptions };
}

function raisedFrame(id: string, cursor: string, summary: string, createdAt: string) {
  return {
    data: {
      myAlerts: {
        __typename: "AlertFeedEvent",
        cursor,
        kind: "RAISED",
        at: createdAt,
        acknowledged: null,
        alert: {
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
        },
      },
    },
  };
}

const historyMock = { request: { query: AlertHistoryDocument }, result: { data: { alertHistory: [] } } };

describe("AlertConsolePage", () => {
  it("adds live alerts at the top at once, announces them, and keeps the cursor for a reload", async () => {
    const { client, subscriptions } = fakeWsClient();
    const view = renderWithProviders(<AlertConsolePage viewer={VIEWER} />, {
      mocks: [historyMock],
      services: { ...testServices(), wsClient: client },
    });
    await screen.findByText("Er zijn nog geen meldingen voor jou.");
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]?.variables.after).toBeUndefined();

    act(() => subscriptions[0]!.sink.next(raisedFrame("a1", "c1", "Onrust op het plein", "2026-11-29T08:00:00Z")));
    act(() => subscriptions[0]!.sink.next(raisedFrame("a2", "c2", "Ruzie bij de tramhalte", "2026-11-29T08:01:00Z")));
    // A duplicate frame (same cursor) is dropped by subscribeResumable.
    act(() => subscriptions[0]!.sink.next(raisedFrame("a2", "c2", "Ruzie bij de tramhalte", "2026-11-29T08:01:00Z")));

    const items = within(screen.getByRole("list", { name: "Meldingen, nieuwste eerst" })).getAllByRole("listitem");
    expect(items.map((i) => i.querySelector(".wijknet-alert__title a")?.textContent)).toEqual([
      "Ruzie bij de tramhalte",
      "Onrust op het plein",
    ]);
    expect(screen.getByText("Nieuwe melding: Ruzie bij de tramhalte")).toBeTruthy();
    expect(screen.getByText("2 nog niet bevestigd")).toBeTruthy();
    expect(window.sessionStorage.getItem("wijknet.alerts.cursor.u-liaison")).toBe("c2");
    // Sound is off by default.
    expect((screen.getByLabelText("Geluid bij een nieuwe melding") as HTMLInputElement).checked).toBe(false);

    // A reload (new page) resumes from the stored cursor.
    view.unmount();
    const second = fakeWsClient();
    renderWithProviders(<AlertConsolePage viewer={VIEWER} />, {
      mocks: [historyMock],
      services: { ...testServices(), wsClient: second.client },
    });
    await waitFor(() => expect(second.subscriptions).toHaveLength(1));
    expect(second.subscriptions[0]?.variables.after).toBe("c2");
  });
});
