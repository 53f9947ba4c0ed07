import { useQuery } from "@apollo/client/react";
import { StaleContactsDocument } from "../../generated/gql/graphql";

/** Contacts of the district nobody spoke to within the stale period, longest-silent first. */
export function useStaleContacts(districtId: string | null, first = 10) {
  const result = useQuery(StaleContactsDocument, {
    variables: { districtId: districtId ?? "", first },
    skip: !districtId,
    fetchPolicy: "cache-and-network",
  });
  return { contacts: result.data?.staleContacts ?? [], loading: result.loading, error: result.error, refetch: result.refetch };
}
