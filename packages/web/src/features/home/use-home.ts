import { useQuery } from "@apollo/client/react";
import { useMemo, useState } from "react";
import { AlertHistoryDocument, SignalsDocument, StaleContactsDocument, ThemeSessionsDocument } from "../../generated/gql/graphql";
import { startOfDay } from "../../kit/time";

/**
 * What the coordinator's home page shows, from the queries the other pages use (same
 * documents, so the cache is shared): signals to look at, alerts nobody acknowledged, the
 * week's sessions and the people nobody spoke to lately.
 */
export function useSignalsToDo() {
  const result = useQuery(SignalsDocument, { variables: {}, fetchPolicy: "cache-and-network" });
  const nodes = result.data?.signals.nodes ?? [];
  // New ones, and flagged ones (a warning ignored at reporting) that are still open.
  const open = nodes.filter((s) => s.status === "NEW" || (s.flagged && s.status !== "RESOLVED" && s.status !== "DISMISSED"));
  return { signals: open, loaded: Boolean(result.data), error: result.error, refetch: result.refetch };
}

export function useOpenAlerts() {
  const result = useQuery(AlertHistoryDocument, { fetchPolicy: "cache-and-network" });
  const alerts = useMemo(() => {
    // One entry per signal: an escalation is a second alert about the same signal, not a second task.
    const bySignal = new Map<string, NonNullable<typeof result.data>["alertHistory"][number]>();
    for (const alert of result.data?.alertHistory ?? []) {
      if (alert.acknowledgedAt) continue;
      const seen = bySignal.get(alert.signal.id);
      if (!seen || alert.escalationLevel > seen.escalationLevel) bySignal.set(alert.signal.id, alert);
    }
    return [...bySignal.values()];
  }, [result.data]);
  return { alerts, loaded: Boolean(result.data), error: result.error, refetch: result.refetch };
}

/** Published sessions starting from now until the end of the seventh day (Amsterdam days). */
export function useSessionsThisWeek() {
  const [period] = useState(() => {
    const now = new Date();
    return { from: now.toISOString(), to: startOfDay(now, 7).toISOString() };
  });
  const result = useQuery(ThemeSessionsDocument, {
    variables: { filter: { from: period.from, to: period.to, status: "PUBLISHED" }, first: 20 },
    fetchPolicy: "cache-and-network",
  });
  const sessions = result.data?.themeSessions.edges.map((edge) => edge.node) ?? [];
  return { sessions, loaded: Boolean(result.data), error: result.error, refetch: result.refetch };
}

export function usePeopleToCall(districtId: string | null) {
  const result = useQuery(StaleContactsDocument, {
    variables: { districtId: districtId ?? "", first: 5 },
    skip: !districtId,
    fetchPolicy: "cache-and-network",
  });
  return { contacts: result.data?.staleContacts ?? [], loaded: Boolean(result.data), error: result.error, refetch: result.refetch };
}
