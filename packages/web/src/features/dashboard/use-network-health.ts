import { useQuery } from "@apollo/client/react";
import { NetworkHealthDocument } from "../../generated/gql/graphql";

/**
 * Dashboard numbers of one district over the last `days` days (skipped until a district is
 * chosen). `days` null: the server's period, which is all a police liaison may ask for (the
 * last ended calendar quarter: periods that could be subtracted from each other are refused).
 */
export function useNetworkHealth(districtId: string | null, days: number | null) {
  // Rounded to the day so the variables (and the cache key) stay stable between renders.
  const to = new Date();
  to.setUTCHours(0, 0, 0, 0);
  to.setUTCDate(to.getUTCDate() + 1);
  const from = new Date(to.getTime() - (days ?? 0) * 86_400_000);
  const result = useQuery(NetworkHealthDocument, {
    variables:
      days === null ? { districtId: districtId ?? "" } : { districtId: districtId ?? "", from: from.toISOString(), to: to.toISOString() },
    skip: !districtId,
  });
  return { health: result.data?.networkHealth ?? null, loading: result.loading, error: result.error, refetch: result.refetch };
}
