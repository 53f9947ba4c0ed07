import { useQuery } from "@apollo/client/react";
import { NetworkHealthDocument } from "../../generated/gql/graphql";

/** Dashboard numbers of one district over the last `days` days (skipped until a district is chosen). */
export function useNetworkHealth(districtId: string | null, days: number) {
  // Rounded to the day so the variables (and the cache key) stay stable between renders.
  const to = new Date();
  to.setUTCHours(0, 0, 0, 0);
  to.setUTCDate(to.getUTCDate() + 1);
  const from = new Date(to.getTime() - days * 86_400_000);
  const result = useQuery(NetworkHealthDocument, {
    variables: { districtId: districtId ?? "", from: from.toISOString(), to: to.toISOString() },
    skip: !districtId,
  });
  return { health: result.data?.networkHealth ?? null, loading: result.loading, error: result.error, refetch: result.refetch };
}
