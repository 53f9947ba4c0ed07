import { useQuery } from "@apollo/client/react";
import { useMemo } from "react";
import { AlgorithmSettingsDocument } from "../../generated/gql/graphql";

export interface AlgorithmSettingValue {
  value: string;
  unit: string | null;
}

/** The running settings by key (e.g. "retention.signalAnonymise"), from the public `algorithmSettings` query. */
export function useAlgorithmSettings() {
  const { data, loading, error, refetch } = useQuery(AlgorithmSettingsDocument);
  const settings = useMemo(
    () =>
      new Map<string, AlgorithmSettingValue>((data?.algorithmSettings ?? []).map((s) => [s.key, { value: s.value, unit: s.unit ?? null }])),
    [data],
  );
  return { settings: data ? settings : null, loading: loading && !data, error, refetch };
}
