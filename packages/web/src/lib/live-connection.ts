import { createResumableWsClient, type ResumableWsClient } from "@wijknet/shared";
import { bearer } from "./apollo-client";
import type { SessionStore } from "./session-store";

/** graphql-ws close code the server uses for a missing, expired or revoked token. */
const UNAUTHORIZED_CLOSE_CODE = 4401;

/**
 * ws(s)://<this host>/graphql. Same origin as the page: in development Vite
 * proxies it to the API server, in production the reverse proxy does.
 */
export function defaultGraphqlWsUrl(location: Pick<Location, "protocol" | "host"> = window.location): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/graphql`;
}

export interface LiveConnectionOptions {
  url?: string;
  /** For tests; browsers use the global WebSocket. */
  webSocketImpl?: unknown;
}

/** The app's single WebSocket client: lazy, so nothing connects until a screen subscribes. */
export function createLiveConnection(session: SessionStore, options: LiveConnectionOptions = {}): ResumableWsClient {
  // The authorization the current socket was opened with (connectionParams
  // are evaluated per connect, so this follows every reconnect).
  let sentAuthorization: string | null = null;

  const client = createResumableWsClient({
    url: options.url ?? defaultGraphqlWsUrl(),
    webSocketImpl: options.webSocketImpl,
    getAuthorization: () => {
      const token = session.getToken();
      sentAuthorization = token ? bearer(token) : null;
      return sentAuthorization;
    },
  });

  // The server closes with 4401 when the token expired or the session was
  // revoked. The WebSocket counterpart of the UNAUTHENTICATED rule in
  // apollo-client.ts: only when the socket used the *current* token does it
  // mean this session is over (a socket from before a new login does not).
  client.on("closed", (event) => {
    const code = (event as { code?: unknown } | null)?.code;
    if (code !== UNAUTHORIZED_CLOSE_CODE) return;
    const token = session.getToken();
    if (token !== null && sentAuthorization === bearer(token)) session.end("expired");
  });

  return client;
}
