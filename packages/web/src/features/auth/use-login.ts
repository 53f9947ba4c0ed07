import { useApolloClient, useMutation } from "@apollo/client/react";
import { useCallback } from "react";
import { useServices } from "../../lib/services";
import { LoginDocument, ViewerDocument, type LoginMutation } from "../../generated/gql/graphql";
import { badInputFields, hasErrorCode, isNetworkError } from "../../kit/graphql-errors";
import type { LoginInput } from "./validate-login";

export type LoginFailure = "wrongCredentials" | "rateLimited" | "invalidInput" | "network" | "unknown";

/** The password was right; the account's second factor comes next (the token authorizes nothing yet). */
export interface PendingLogin {
  token: string;
  user: LoginMutation["login"]["user"];
}

export type LoginOutcome =
  | { ok: true }
  | { ok: false; failure: "secondFactor"; pending: PendingLogin }
  | {
      ok: false;
      failure: LoginFailure;
      /** Set when the server rejected the email address itself (BAD_USER_INPUT, field "email"). */
      invalidEmail?: boolean;
    };

export function classifyLoginError(error: unknown): LoginFailure {
  // The server answers UNAUTHENTICATED for a wrong password and for an
  // unknown account alike; so does this message.
  if (hasErrorCode(error, "UNAUTHENTICATED")) return "wrongCredentials";
  if (hasErrorCode(error, "RATE_LIMITED")) return "rateLimited";
  if (hasErrorCode(error, "BAD_USER_INPUT")) return "invalidInput";
  if (isNetworkError(error)) return "network";
  return "unknown";
}

/** The "log in" action: exchange credentials for a token and start the session. */
export function useLogin() {
  const [mutate, { loading }] = useMutation(LoginDocument);
  const client = useApolloClient();
  const { session } = useServices();

  const login = useCallback(
    async ({ email, password }: LoginInput): Promise<LoginOutcome> => {
      try {
        const { data } = await mutate({ variables: { email: email.trim(), password } });
        if (!data) return { ok: false, failure: "unknown" };
        const { token, expiresAt, user, next } = data.login;
        if (next === "SECOND_FACTOR") return { ok: false, failure: "secondFactor", pending: { token, user } };
        // The login answer already contains the viewer: cache it so the next
        // screen renders at once instead of asking the server again.
        client.writeQuery({ query: ViewerDocument, data: { viewer: user } });
        // Starting the session re-renders the app into the private screens
        // (and reconnects the WebSocket with the token, see createAppServices).
        session.start({ token, expiresAt });
        return { ok: true };
      } catch (error) {
        return {
          ok: false,
          failure: classifyLoginError(error),
          invalidEmail: badInputFields(error).includes("email"),
        };
      }
    },
    [client, mutate, session],
  );

  return { login, submitting: loading };
}
