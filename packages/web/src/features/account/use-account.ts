import { useMutation, useQuery } from "@apollo/client/react";
import { useCallback } from "react";
import {
  ChangePasswordDocument,
  MyAccountDocument,
  RequestPasswordResetDocument,
  SetMyLanguageDocument,
  SetPasswordDocument,
  SignOutEverywhereDocument,
  type Language,
} from "../../generated/gql/graphql";
import { badInputFields, errorCodes, errorReasons } from "../../kit/graphql-errors";
import { useServices } from "../../lib/services";

/** Links from an email work without an account: never send the login token with them. */
const ANONYMOUS = { anonymous: true };

/** What went wrong, as the forms show it. */
export interface Failure {
  codes: string[];
  reasons: string[];
  fields: string[];
}

const failureOf = (error: unknown): Failure => ({ codes: errorCodes(error), reasons: errorReasons(error), fields: badInputFields(error) });

export type Outcome = { ok: true } | ({ ok: false } & Failure);

export function useSetPassword() {
  const [mutate, { loading }] = useMutation(SetPasswordDocument, { context: ANONYMOUS });
  const setPassword = useCallback(
    async (token: string, password: string): Promise<Outcome> => {
      try {
        await mutate({ variables: { token, password } });
        return { ok: true };
      } catch (error) {
        return { ok: false, ...failureOf(error) };
      }
    },
    [mutate],
  );
  return { setPassword, saving: loading };
}

export function useRequestPasswordReset() {
  const [mutate, { loading }] = useMutation(RequestPasswordResetDocument, { context: ANONYMOUS });
  const request = useCallback(
    async (email: string): Promise<Outcome> => {
      try {
        await mutate({ variables: { email } });
        return { ok: true };
      } catch (error) {
        return { ok: false, ...failureOf(error) };
      }
    },
    [mutate],
  );
  return { request, sending: loading };
}

export function useMyAccount() {
  const result = useQuery(MyAccountDocument, { fetchPolicy: "cache-and-network" });
  return {
    viewer: result.data?.viewer ?? null,
    sessions: result.data?.mySessions ?? [],
    loaded: result.data !== undefined,
    loading: result.loading,
    error: result.error,
    refetch: result.refetch,
  };
}

export function useChangePassword() {
  const [mutate, { loading }] = useMutation(ChangePasswordDocument, { refetchQueries: [MyAccountDocument] });
  const change = useCallback(
    async (currentPassword: string, newPassword: string): Promise<Outcome> => {
      try {
        await mutate({ variables: { currentPassword, newPassword } });
        return { ok: true };
      } catch (error) {
        return { ok: false, ...failureOf(error) };
      }
    },
    [mutate],
  );
  return { change, saving: loading };
}

export function useSetMyLanguage() {
  const [mutate, { loading }] = useMutation(SetMyLanguageDocument);
  const save = useCallback(
    async (language: Language): Promise<boolean> => {
      try {
        await mutate({ variables: { language } });
        return true;
      } catch {
        return false;
      }
    },
    [mutate],
  );
  return { save, saving: loading };
}

/** Ends every session on the server, then this one here (the login page says so). */
export function useSignOutEverywhere() {
  const [mutate, { loading }] = useMutation(SignOutEverywhereDocument);
  const { session } = useServices();
  const signOut = useCallback(async (): Promise<boolean> => {
    try {
      await mutate();
    } catch {
      return false;
    }
    session.end("loggedOut");
    return true;
  }, [mutate, session]);
  return { signOut, signingOut: loading };
}
