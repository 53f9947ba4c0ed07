import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { useCallback } from "react";
import {
  BeginTwoFactorEnrolmentDocument,
  ConfirmTwoFactorEnrolmentDocument,
  TwoFactorStatusDocument,
  VerifySecondFactorDocument,
  ViewerDocument,
} from "../../generated/gql/graphql";
import { errorCodes } from "../../kit/graphql-errors";
import { useServices } from "../../lib/services";
import type { PendingLogin } from "./use-login";

export type CodeFailure = "invalid" | "rateLimited" | "expired" | "unknown";

function codeFailure(error: unknown): CodeFailure {
  const codes = errorCodes(error);
  if (codes.includes("RATE_LIMITED")) return "rateLimited";
  if (codes.includes("UNAUTHENTICATED")) return "invalid";
  return "unknown";
}

/** The second login step; on success the session starts with the same token. */
export function useVerifySecondFactor() {
  const [mutate, { loading }] = useMutation(VerifySecondFactorDocument, { context: { anonymous: true } });
  const client = useApolloClient();
  const { session } = useServices();
  const verify = useCallback(
    async (pending: PendingLogin, code: string): Promise<CodeFailure | null> => {
      try {
        const { data } = await mutate({ variables: { token: pending.token, code: code.trim() } });
        if (!data) return "unknown";
        client.writeQuery({ query: ViewerDocument, data: { viewer: pending.user } });
        session.start({ token: data.verifySecondFactor.token, expiresAt: data.verifySecondFactor.expiresAt });
        return null;
      } catch (error) {
        return codeFailure(error);
      }
    },
    [client, mutate, session],
  );
  return { verify, verifying: loading };
}

export function useTwoFactorStatus() {
  const result = useQuery(TwoFactorStatusDocument, { fetchPolicy: "cache-and-network" });
  return { status: result.data?.twoFactorStatus ?? null, refetch: result.refetch };
}

export function useTwoFactorEnrolment() {
  const [begin, b] = useMutation(BeginTwoFactorEnrolmentDocument);
  // No refetch of the status here: the screens would replace the enrolment before its
  // recovery codes are read. `onDone` ("I have saved the codes") refetches it.
  const [confirm, c] = useMutation(ConfirmTwoFactorEnrolmentDocument);
  return {
    begin: useCallback(async () => {
      try {
        const { data } = await begin();
        return data?.beginTwoFactorEnrolment ?? null;
      } catch {
        return null;
      }
    }, [begin]),
    confirm: useCallback(
      async (code: string): Promise<{ codes: string[] } | { failure: CodeFailure }> => {
        try {
          const { data } = await confirm({ variables: { code: code.trim() } });
          return data ? { codes: data.confirmTwoFactorEnrolment } : { failure: "unknown" };
        } catch (error) {
          return { failure: codeFailure(error) };
        }
      },
      [confirm],
    ),
    busy: b.loading || c.loading,
  };
}
