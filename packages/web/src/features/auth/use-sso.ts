import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { useCallback } from "react";
import { CompleteSsoLoginDocument, SsoProviderDocument, ViewerDocument } from "../../generated/gql/graphql";
import { useServices } from "../../lib/services";

export function useSsoProvider() {
  const result = useQuery(SsoProviderDocument, { context: { anonymous: true } });
  return result.data?.ssoProvider ?? null;
}

/** Trades the one-time code for a session, like a password login. False when the code is not valid (any more). */
export function useCompleteSso() {
  const [mutate] = useMutation(CompleteSsoLoginDocument, { context: { anonymous: true } });
  const client = useApolloClient();
  const { session } = useServices();
  return useCallback(
    async (code: string): Promise<boolean> => {
      try {
        const { data } = await mutate({ variables: { code } });
        if (!data) return false;
        const { token, expiresAt, user } = data.completeSsoLogin;
        client.writeQuery({ query: ViewerDocument, data: { viewer: user } });
        session.start({ token, expiresAt });
        return true;
      } catch {
        return false;
      }
    },
    [client, mutate, session],
  );
}
