import type { ApolloClient, TypePolicies } from "@apollo/client";
import type { ResumableWsClient, WsStatus } from "@wijknet/shared";
import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";
import { createApolloClient } from "./apollo-client";
import { createLiveConnection } from "./live-connection";
import { createSessionStore, type SessionState, type SessionStore } from "./session-store";

/** What the UI needs from the live (WebSocket) connection; small so tests can fake it. */
export interface LiveConnection {
  getStatus(): WsStatus;
  onStatusChange(listener: (status: WsStatus) => void): () => void;
  /** Reconnect with the current token (after login/logout). */
  restart(): void;
}

/** Long-lived objects created once per page load, outside React. */
export interface AppServices {
  session: SessionStore;
  liveConnection: LiveConnection;
  /** The same socket, for resumable subscriptions (signal feed, alerts); absent in component tests. */
  wsClient?: ResumableWsClient;
}

export function createAppServices({ typePolicies }: { typePolicies?: TypePolicies } = {}): AppServices & { apollo: ApolloClient } {
  const session = createSessionStore();
  const liveConnection = createLiveConnection(session);
  const apollo = createApolloClient({ session, wsClient: liveConnection, typePolicies });

  // One place reacts to every change of identity (login, logout, expiry,
  // revoked token), whichever screen or link caused it.
  let previousToken = session.getState().session?.token ?? null;
  session.subscribe(() => {
    const token = session.getState().session?.token ?? null;
    if (token === previousToken) return;
    previousToken = token;
    // The socket authenticated with the old token (or none): reconnect so
    // connectionParams carry the new one.
    liveConnection.restart();
    // Cached data belonged to the previous user; never show it to the next.
    if (token === null) void apollo.clearStore();
  });

  return { session, liveConnection, apollo, wsClient: liveConnection };
}

const ServicesContext = createContext<AppServices | null>(null);

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("useServices must be used inside <ServicesProvider>");
  return services;
}

export function useSessionState(): SessionState {
  const { session } = useServices();
  return useSyncExternalStore(session.subscribe, session.getState);
}

export function useLiveStatus(): WsStatus {
  const { liveConnection } = useServices();
  return useSyncExternalStore(liveConnection.onStatusChange, liveConnection.getStatus);
}
