import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";
import { useServices } from "../../lib/services";
import { LogoutDocument } from "../../generated/gql/graphql";

/**
 * The "log out" action: revoke the token on the server, then end the session
 * locally. Ending the session shows the login page; createAppServices then
 * clears the Apollo cache and reconnects the WebSocket without a token.
 */
export function useLogout() {
  const [mutate, { loading }] = useMutation(LogoutDocument);
  const { session } = useServices();

  const logout = useCallback(async () => {
    try {
      await mutate();
    } catch {
      // Best effort: offline or already expired, the user still wants out.
    }
    session.end("loggedOut");
  }, [mutate, session]);

  return { logout, loggingOut: loading };
}
