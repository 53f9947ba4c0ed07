import type { AlertHistoryQuery, MyAlertsSubscription } from "../../generated/gql/graphql";

export type AlertData = AlertHistoryQuery["alertHistory"][number];
export type AlertEvent = MyAlertsSubscription["myAlerts"];

export interface ConsoleAlert extends AlertData {
  /** Arrived live while this page was open and not yet acknowledged: gets the visual cue. */
  isNew: boolean;
  /** Who acknowledged (someone else may acknowledge the same signal). */
  acknowledgedBy: string | null;
}

export interface AlertListState {
  alerts: ConsoleAlert[];
  /** The latest live arrival, for the screen-reader announcement and the sound. */
  lastArrival: { id: string; summary: string; seq: number } | null;
}

export const EMPTY_ALERTS: AlertListState = { alerts: [], lastArrival: null };

export type AlertListAction =
  | { type: "history"; alerts: readonly AlertData[] }
  | { type: "event"; event: AlertEvent }
  | { type: "acknowledged"; id: string; acknowledgedAt: string | null; acknowledgeComment: string | null };

/** Newest first; ties by id so the order is stable whatever arrives first. */
function sorted(alerts: ConsoleAlert[]): ConsoleAlert[] {
  return alerts.sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)));
}

function upsert(list: ConsoleAlert[], alert: AlertData, patch: Partial<ConsoleAlert>): ConsoleAlert[] {
  const index = list.findIndex((a) => a.id === alert.id);
  if (index === -1) return sorted([...list, { ...alert, isNew: false, acknowledgedBy: null, ...patch }]);
  const next = [...list];
  const current = next[index]!;
  // An acknowledgement is never undone: keep it if a stale copy arrives later.
  next[index] = {
    ...current,
    ...alert,
    acknowledgedAt: alert.acknowledgedAt ?? current.acknowledgedAt,
    acknowledgeComment: alert.acknowledgeComment ?? current.acknowledgeComment,
    ...patch,
  };
  return sorted(next);
}

/**
 * The console's list: the history query and live events merged by alert id, so
 * a replay after a reconnect (or a history that already holds a live alert)
 * never shows an alert twice.
 */
export function alertListReducer(state: AlertListState, action: AlertListAction): AlertListState {
  switch (action.type) {
    case "history": {
      let alerts = state.alerts;
      for (const alert of action.alerts) {
        const known = alerts.find((a) => a.id === alert.id);
        alerts = upsert(alerts, alert, known ? { isNew: known.isNew } : {});
      }
      return { ...state, alerts };
    }
    case "event": {
      const { event } = action;
      if (event.kind === "RAISED") {
        const known = state.alerts.find((a) => a.id === event.alert.id);
        const isNew = !event.alert.acknowledgedAt;
        return {
          alerts: upsert(state.alerts, event.alert, { isNew }),
          // A re-delivered alert (escalation level up) announces again; a known unchanged one does not.
          lastArrival:
            isNew && (!known || known.escalationLevel !== event.alert.escalationLevel)
              ? { id: event.alert.id, summary: event.alert.signal.summary, seq: (state.lastArrival?.seq ?? 0) + 1 }
              : state.lastArrival,
        };
      }
      // ACKNOWLEDGED: someone (maybe another liaison) acknowledged an alert about this signal.
      const by = event.acknowledged?.recipient.displayName ?? null;
      const acknowledgedAt = event.alert.acknowledgedAt ?? event.acknowledged?.acknowledgedAt ?? null;
      return {
        ...state,
        alerts: upsert(
          state.alerts,
          {
            ...event.alert,
            acknowledgedAt,
            acknowledgeComment: event.alert.acknowledgeComment ?? event.acknowledged?.acknowledgeComment ?? null,
          },
          { isNew: false, acknowledgedBy: by },
        ),
      };
    }
    case "acknowledged": {
      return {
        ...state,
        alerts: state.alerts.map((a) =>
          a.id === action.id
            ? { ...a, isNew: false, acknowledgedAt: action.acknowledgedAt, acknowledgeComment: action.acknowledgeComment }
            : a,
        ),
      };
    }
  }
}
