import type { ApolloCache } from "@apollo/client";
import { useApolloClient, useMutation, useQuery, useSubscription } from "@apollo/client/react";
import { useCallback, useMemo, useState } from "react";
import {
  CancelThemeSessionDocument,
  CheckInRegistrationDocument,
  CompleteThemeSessionDocument,
  CreateThemeSessionDocument,
  InviteToSessionDocument,
  PublishThemeSessionDocument,
  ResetSelfCheckInCodeDocument,
  SessionCountsDocument,
  ThemeSessionDocument,
  ThemeSessionIcsDocument,
  ThemeSessionsDocument,
  UpdateThemeSessionDocument,
  type CheckInResult,
  type CreateThemeSessionInput,
  type InviteToSessionMutation,
  type ThemeSessionQuery,
  type ThemeSessionsQuery,
  type UpdateThemeSessionInput,
} from "../../generated/gql/graphql";
import { badInputFields, errorCodes } from "../../kit/graphql-errors";
import { downloadText } from "../contacts/use-export-contacts";

export type SessionRow = ThemeSessionsQuery["themeSessions"]["edges"][number]["node"];
export type SessionDetail = ThemeSessionQuery["themeSession"];
export type InvitationLinkRow = InviteToSessionMutation["inviteToSession"][number];
export type SaveOutcome = { ok: true; id: string } | { ok: false; fields: string[]; codes: string[] };

/** A new or moved session changes which lists hold it and in what order. */
function forgetSessionLists(cache: ApolloCache) {
  cache.evict({ id: "ROOT_QUERY", fieldName: "themeSessions" });
  cache.gc();
}

/**
 * Upcoming (starting from `now`, soonest first) or past sessions. "now" is fixed when the
 * page opens, so the query variables (and the cache key) stay stable while it is open.
 */
export function useSessionList(when: "upcoming" | "past", first = 50) {
  const [now] = useState(() => new Date().toISOString());
  const filter = when === "upcoming" ? { from: now } : { to: now };
  const result = useQuery(ThemeSessionsDocument, { variables: { filter, first }, fetchPolicy: "cache-and-network" });
  const rows = useMemo(() => {
    const list = result.data?.themeSessions.edges.map((e) => e.node) ?? [];
    // Past sessions: most recent first. A cancelled session is not "upcoming" (its own page still says it was cancelled).
    if (when === "upcoming") return list.filter((s) => s.status !== "CANCELLED");
    return [...list].reverse();
  }, [result.data, when]);
  return {
    sessions: rows,
    total: result.data?.themeSessions.totalCount ?? 0,
    loaded: result.data !== undefined,
    loading: result.loading,
    error: result.error,
    refetch: result.refetch,
  };
}

export function useSession(id: string) {
  const result = useQuery(ThemeSessionDocument, { variables: { id }, fetchPolicy: "cache-and-network" });
  return { session: result.data?.themeSession ?? null, loading: result.loading, error: result.error, refetch: result.refetch };
}

/**
 * Live counts: the subscription's answers land in the cache (SessionCounts is keyed by
 * sessionId), so every screen showing this session's counts follows. The returned counts
 * are the newest the page has.
 */
export function useLiveCounts(sessionId: string, enabled: boolean) {
  const { data, error } = useSubscription(SessionCountsDocument, { variables: { sessionId }, skip: !enabled });
  return { live: data?.sessionCounts ?? null, error };
}

async function save<T>(run: () => Promise<T>, id: (data: T) => string | null): Promise<SaveOutcome> {
  try {
    const data = await run();
    const savedId = id(data);
    return savedId ? { ok: true, id: savedId } : { ok: false, fields: [], codes: [] };
  } catch (error) {
    return { ok: false, fields: badInputFields(error), codes: errorCodes(error) };
  }
}

export function useCreateSession() {
  const [mutate, { loading }] = useMutation(CreateThemeSessionDocument, { update: forgetSessionLists });
  const create = useCallback(
    (input: CreateThemeSessionInput) =>
      save(
        async () => (await mutate({ variables: { input } })).data,
        (data) => data?.createThemeSession.id ?? null,
      ),
    [mutate],
  );
  return { create, saving: loading };
}

export function useUpdateSession() {
  const [mutate, { loading }] = useMutation(UpdateThemeSessionDocument, { update: forgetSessionLists });
  const update = useCallback(
    (id: string, input: UpdateThemeSessionInput) =>
      save(
        async () => (await mutate({ variables: { id, input } })).data,
        (data) => data?.updateThemeSession.id ?? null,
      ),
    [mutate],
  );
  return { update, saving: loading };
}

export type StatusAction = "publish" | "cancel" | "complete";

/** Publish, cancel or complete; returns the error codes (empty on success). */
export function useStatusAction() {
  const [publish, p] = useMutation(PublishThemeSessionDocument, { update: forgetSessionLists });
  const [cancel, c] = useMutation(CancelThemeSessionDocument, { update: forgetSessionLists });
  const [complete, d] = useMutation(CompleteThemeSessionDocument, { update: forgetSessionLists });
  const run = useCallback(
    async (action: StatusAction, id: string): Promise<string[] | null> => {
      try {
        if (action === "publish") await publish({ variables: { id } });
        else if (action === "cancel") await cancel({ variables: { id } });
        else await complete({ variables: { id } });
        return null;
      } catch (error) {
        return errorCodes(error);
      }
    },
    [publish, cancel, complete],
  );
  return { run, busy: p.loading || c.loading || d.loading };
}

export function useInvite() {
  const [mutate, { loading }] = useMutation(InviteToSessionDocument, {
    refetchQueries: [ThemeSessionDocument],
  });
  const invite = useCallback(
    async (sessionId: string, networkIds: string[], contactIds: string[]) => {
      try {
        const { data } = await mutate({ variables: { input: { sessionId, networkIds, contactIds } } });
        return { ok: true as const, links: data?.inviteToSession ?? [] };
      } catch (error) {
        return { ok: false as const, fields: badInputFields(error), codes: errorCodes(error) };
      }
    },
    [mutate],
  );
  return { invite, inviting: loading };
}

export function useCheckIn() {
  const [mutate, { loading }] = useMutation(CheckInRegistrationDocument);
  const checkIn = useCallback(
    async (id: string, result: CheckInResult) => {
      try {
        await mutate({ variables: { id, result } });
        return null;
      } catch (error) {
        return errorCodes(error);
      }
    },
    [mutate],
  );
  return { checkIn, checking: loading };
}

export function useResetCheckInCode() {
  const [mutate, { loading }] = useMutation(ResetSelfCheckInCodeDocument, { refetchQueries: [ThemeSessionDocument] });
  const reset = useCallback(
    async (sessionId: string) => {
      try {
        const { data } = await mutate({ variables: { sessionId } });
        return data?.resetSelfCheckInCode ?? null;
      } catch {
        return null;
      }
    },
    [mutate],
  );
  return { reset, resetting: loading };
}

/** Downloads the session's .ics (asked for only when needed; never cached). */
export function useDownloadIcs() {
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);
  const download = useCallback(
    async (id: string) => {
      setBusy(true);
      try {
        const { data } = await client.query({ query: ThemeSessionIcsDocument, variables: { id }, fetchPolicy: "no-cache" });
        if (!data) return false;
        downloadText(data.themeSession.ics, "themasessie.ics", "text/calendar;charset=utf-8");
        return true;
      } catch {
        return false;
      } finally {
        setBusy(false);
      }
    },
    [client],
  );
  return { download, busy };
}
