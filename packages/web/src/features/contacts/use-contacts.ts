import { useQuery } from "@apollo/client/react";
import { useCallback } from "react";
import { ContactsDocument, type ContactFilter, type ContactSort } from "../../generated/gql/graphql";

export const PAGE_SIZE = 25;

/** One growing list of contacts: the first page, then "Meer laden" appends the next (keyset cursor). */
export function useContacts(filter: ContactFilter, sort: ContactSort) {
  const result = useQuery(ContactsDocument, {
    variables: { filter, sort, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const { data, fetchMore } = result;
  const endCursor = data?.contacts.pageInfo.endCursor ?? null;
  const loadMore = useCallback(async () => {
    if (!endCursor) return;
    await fetchMore({
      variables: { after: endCursor },
      updateQuery: (previous, { fetchMoreResult }) => {
        if (!fetchMoreResult || !previous.contacts) return previous as typeof fetchMoreResult;
        return {
          contacts: {
            ...fetchMoreResult.contacts,
            edges: [...(previous.contacts.edges ?? []), ...fetchMoreResult.contacts.edges],
          },
        } as typeof fetchMoreResult;
      },
    });
  }, [endCursor, fetchMore]);
  return {
    contacts: data?.contacts.edges.map((edge) => edge.node) ?? [],
    totalCount: data?.contacts.totalCount ?? 0,
    hasMore: data?.contacts.pageInfo.hasNextPage ?? false,
    loading: result.loading,
    loaded: data !== undefined,
    error: result.error,
    refetch: result.refetch,
    loadMore,
  };
}
