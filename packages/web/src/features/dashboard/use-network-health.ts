import { useQuery } from "@apollo/client/react";
import { NetworkHealthDocument } from "../../generated/gql/graphql";
import { startOfDay } from "../../kit/time";

/** The last `days` whole days in Amsterdam, today included: [midnight `days - 1` days ago, tomorrow's midnight). */
export function dashboardPeriod(now: Date, days: number): { from: Date; to: Date } {
  return { from: startOfDay(now, 1 - days), to: startOfDay(now, 1) };
}

/**
 * Dashboard numbers of one district over the last `days` days (skipped until a district is
 * chosen). `days` null: the server's period, which is all a police liaison may ask for (the
 * last ended calendar quarter: periods that could be subtracted from each other are refused).
 */
export function useNetworkHealth(districtId: string | null, days: number | null) {
  // Whole Amsterdam days up to and including today, so the variables (and the cache key) stay
  // stable between renders and "tot en met" is today's date in every time zone.
  const { from, to } = dashboardPeriod(new Date(), days ?? 0);
  const result = useQuery(NetworkHealthDocument, {
    variables:
      days === null ? { districtId: districtId ?? "" } : { districtId: districtId ?? "", from: from.toISOString(), to: to.toISOString() },
    skip: !districtId,
  });
  return { health: result.data?.networkHealth ?? null, loading: result.loading, error: result.error, refetch: result.refetch };
}
