import { useQuery } from "@apollo/client/react";
import { MonitoringDocument, type MonitoringGranularity } from "../../generated/gql/graphql";

/**
 * Figures over time. No bounds: the server's default span (coordinators: the last 18 months;
 * police liaisons: the last 6 ended quarters, the only periods they may read).
 */
export function useMonitoring(districtId: string | null, granularity: MonitoringGranularity, skip: boolean) {
  const result = useQuery(MonitoringDocument, { variables: { districtId, granularity }, skip });
  return { report: result.data?.monitoring ?? null, loading: result.loading, error: result.error, refetch: result.refetch };
}
