import { useQuery } from "@apollo/client/react";
import { NetworksDocument, type NetworkFilter } from "../../generated/gql/graphql";

/** The networks the viewer may see, by kind then name (the server's order). */
export function useNetworks(filter: NetworkFilter) {
  const result = useQuery(NetworksDocument, { variables: { filter } });
  return { networks: result.data?.networks ?? [], loading: result.loading, error: result.error, refetch: result.refetch };
}
