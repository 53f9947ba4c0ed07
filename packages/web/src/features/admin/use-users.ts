import type { ApolloCache } from "@apollo/client";
import { useMutation, useQuery } from "@apollo/client/react";
import { useCallback } from "react";
import {
  AdminCreateUserDocument,
  AdminDisableUserDocument,
  AdminEraseUserDocument,
  AdminEnableUserDocument,
  AdminResendInvitationDocument,
  AdminUpdateUserDocument,
  AdminUserDocument,
  AdminUsersDocument,
  type AdminUserFieldsFragment,
  type CreateUserInput,
  type UpdateUserInput,
  type UserFilter,
} from "../../generated/gql/graphql";
import { badInputFields, errorCodes, errorReasons } from "../../kit/graphql-errors";

export type AdminUser = AdminUserFieldsFragment;
export type SaveOutcome = { ok: true; id: string } | { ok: false; fields: string[]; codes: string[]; reasons: string[] };

const PAGE = 25;

/** A new or changed account changes which rows the lists hold and in what order. */
function forgetUserLists(cache: ApolloCache) {
  cache.evict({ id: "ROOT_QUERY", fieldName: "users" });
  cache.gc();
}

const failure = (error: unknown): SaveOutcome => ({
  ok: false,
  fields: badInputFields(error),
  codes: errorCodes(error),
  reasons: errorReasons(error),
});

export function useUsers(filter: UserFilter) {
  const result = useQuery(AdminUsersDocument, { variables: { filter, first: PAGE }, notifyOnNetworkStatusChange: true });
  const nextCursor = result.data?.users.nextCursor ?? null;
  const { fetchMore } = result;
  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    await fetchMore({
      variables: { after: nextCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        users: { ...fetchMoreResult.users, users: [...previous.users.users, ...fetchMoreResult.users.users] },
      }),
    });
  }, [fetchMore, nextCursor]);
  return {
    users: result.data?.users.users ?? [],
    hasMore: nextCursor !== null,
    loadMore,
    loaded: result.data !== undefined,
    loading: result.loading,
    error: result.error,
    refetch: result.refetch,
  };
}

export function useUser(id: string) {
  const result = useQuery(AdminUserDocument, { variables: { id } });
  return {
    user: result.data?.user ?? null,
    loaded: result.data !== undefined,
    loading: result.loading,
    error: result.error,
    refetch: result.refetch,
  };
}

export function useCreateUser() {
  const [mutate, { loading }] = useMutation(AdminCreateUserDocument, { update: forgetUserLists });
  const create = useCallback(
    async (input: CreateUserInput): Promise<SaveOutcome> => {
      try {
        const { data } = await mutate({ variables: { input } });
        return data ? { ok: true, id: data.createUser.id } : failure(null);
      } catch (error) {
        return failure(error);
      }
    },
    [mutate],
  );
  return { create, saving: loading };
}

export function useUpdateUser() {
  const [mutate, { loading }] = useMutation(AdminUpdateUserDocument, { update: forgetUserLists });
  const update = useCallback(
    async (id: string, input: UpdateUserInput): Promise<SaveOutcome> => {
      try {
        await mutate({ variables: { id, input } });
        return { ok: true, id };
      } catch (error) {
        return failure(error);
      }
    },
    [mutate],
  );
  return { update, saving: loading };
}

/** Disable, enable, erase and a new invitation link: each answers what went wrong, if anything. */
export function useUserActions() {
  const [disable, d] = useMutation(AdminDisableUserDocument, { update: forgetUserLists });
  // The answer updates the account in the cache (name, email, status): lists show it as erased.
  const [erase, x] = useMutation(AdminEraseUserDocument);
  const [enable, e] = useMutation(AdminEnableUserDocument, { update: forgetUserLists });
  const [resend, r] = useMutation(AdminResendInvitationDocument);
  const run = useCallback(async (action: () => Promise<unknown>): Promise<SaveOutcome | { ok: true; id: "" }> => {
    try {
      await action();
      return { ok: true, id: "" };
    } catch (error) {
      return failure(error);
    }
  }, []);
  return {
    disable: (id: string) => run(() => disable({ variables: { id } })),
    enable: (id: string) => run(() => enable({ variables: { id } })),
    resend: (id: string) => run(() => resend({ variables: { id } })),
    erase: (id: string) => run(() => erase({ variables: { id } })),
    busy: d.loading || e.loading || r.loading || x.loading,
  };
}
