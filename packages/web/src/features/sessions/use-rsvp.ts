import { useMutation, useQuery } from "@apollo/client/react";
import { useCallback, useRef } from "react";
import { newIdempotencyKey } from "../../kit/idempotency-key";
import {
  InvitationDocument,
  RespondToInvitationDocument,
  type GuestInput,
  type InvitationQuery,
  type RsvpResponse,
} from "../../generated/gql/graphql";
import { badInputPaths, errorCodes, isNetworkError } from "../../kit/graphql-errors";

export type PublicInvitation = InvitationQuery["invitation"];

/** By personal link only: never with the account token (see lib/apollo-client.ts, `anonymous`). */
const ANONYMOUS = { anonymous: true };

export type InvitationProblem = "notFound" | "expired" | "network" | "unknown";

/** Forged or unknown: NOT_FOUND; expired: UNAUTHENTICATED (reason INVITATION_EXPIRED). */
export function invitationProblem(error: unknown): InvitationProblem {
  const codes = errorCodes(error);
  if (codes.includes("UNAUTHENTICATED")) return "expired";
  if (codes.includes("NOT_FOUND") || codes.includes("BAD_USER_INPUT")) return "notFound";
  if (isNetworkError(error)) return "network";
  return "unknown";
}

export function useInvitation(token: string) {
  const result = useQuery(InvitationDocument, { variables: { token }, context: ANONYMOUS, fetchPolicy: "network-only" });
  return {
    invitation: result.data?.invitation ?? null,
    loading: result.loading,
    problem: result.error ? invitationProblem(result.error) : null,
    refetch: result.refetch,
  };
}

export type RespondOutcome =
  | { ok: true; invitation: PublicInvitation }
  | { ok: false; problem: "closed" | "invalid" | InvitationProblem; paths: string[]; message?: string };

export function useRespond(token: string) {
  const [mutate, { loading }] = useMutation(RespondToInvitationDocument, {
    context: ANONYMOUS,
    // The answer is the new state of the page: put it where the page's query reads it.
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: InvitationDocument, variables: { token }, data: { invitation: data.respondToInvitation } });
    },
  });
  // The same answer sent again after a failure keeps its key (the server applies it once); a
  // different answer, or any answer after a success, gets a new one.
  const pending = useRef<{ answer: string; key: string } | null>(null);
  const respond = useCallback(
    async (response: RsvpResponse, guests: GuestInput[] | null): Promise<RespondOutcome> => {
      const answer = JSON.stringify([response, guests]);
      if (pending.current?.answer !== answer) pending.current = { answer, key: newIdempotencyKey() };
      try {
        const { data } = await mutate({ variables: { token, response, guests, idempotencyKey: pending.current.key } });
        if (!data) return { ok: false, problem: "unknown", paths: [] };
        pending.current = null;
        return { ok: true, invitation: data.respondToInvitation };
      } catch (error) {
        const codes = errorCodes(error);
        if (codes.includes("CONFLICT")) return { ok: false, problem: "closed", paths: [] };
        if (codes.includes("BAD_USER_INPUT")) return { ok: false, problem: "invalid", paths: badInputPaths(error) };
        return { ok: false, problem: invitationProblem(error), paths: [] };
      }
    },
    [mutate, token],
  );
  return { respond, responding: loading };
}
