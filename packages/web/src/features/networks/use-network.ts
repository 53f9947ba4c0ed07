import { useMutation, useQuery } from "@apollo/client/react";
import { useCallback } from "react";
import {
  AddNetworkMemberDocument,
  EndMembershipDocument,
  MemberSearchDocument,
  NetworkDocument,
  type MembershipRole,
} from "../../generated/gql/graphql";
import { errorCodes } from "../../kit/graphql-errors";

export function useNetwork(id: string, includeEnded: boolean) {
  const result = useQuery(NetworkDocument, { variables: { id, includeEnded } });
  return { network: result.data?.network ?? null, loading: result.loading, error: result.error, refetch: result.refetch };
}

/** Contacts matching a search text, for "add member"; skipped until two characters are typed. */
export function useMemberSearch(text: string) {
  const trimmed = text.trim();
  const result = useQuery(MemberSearchDocument, { variables: { text: trimmed }, skip: trimmed.length < 2 });
  return { results: result.data?.contacts.edges.map((e) => e.node) ?? [], loading: result.loading, error: result.error };
}

/** The "add member" action; CONFLICT means they are a current member already. */
export function useAddMember(networkId: string) {
  const [mutate, { loading }] = useMutation(AddNetworkMemberDocument, {
    refetchQueries: [NetworkDocument],
    awaitRefetchQueries: true,
  });
  const addMember = useCallback(
    async (contactId: string, role: MembershipRole): Promise<"added" | "conflict" | "failed"> => {
      try {
        await mutate({ variables: { input: { networkId, contactId, role } } });
        return "added";
      } catch (error) {
        return errorCodes(error).includes("CONFLICT") ? "conflict" : "failed";
      }
    },
    [mutate, networkId],
  );
  return { addMember, adding: loading };
}

/** The "end membership" action; the row stays as history. */
export function useEndMembership() {
  const [mutate, { loading }] = useMutation(EndMembershipDocument, {
    refetchQueries: [NetworkDocument],
    awaitRefetchQueries: true,
  });
  const endMembership = useCallback(
    async (id: string) => {
      try {
        await mutate({ variables: { id } });
        return true;
      } catch {
        return false;
      }
    },
    [mutate],
  );
  return { endMembership, ending: loading };
}
