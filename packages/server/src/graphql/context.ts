import type { WebSocket } from "ws";
import type { Role } from "../generated/prisma/enums.js";
import type { Loaders } from "./loaders.js";
import type { Services } from "../services.js";

/** Who is asking: resolved from the bearer token on every HTTP request and once per socket. */
export interface Viewer {
  userId: string;
  sessionId: string;
  municipalityId: string;
  role: Role;
  /** The districts the user works in; empty for municipality-wide roles. */
  districtIds: readonly string[];
  /** The user's own contact record (an ally's profile), if linked. */
  contactId: string | null;
  expiresAt: Date;
}

export interface Context {
  viewer: Viewer | null;
  requestId: string;
  /** The caller's network address (for per-address rate limits); null when unknown. */
  clientAddress: string | null;
  transport: "http" | "ws";
  services: Services;
  /** Per-request (per-operation on WebSocket) DataLoaders: never shared between viewers. */
  loaders: Loaders;
  /** Set for operations over WebSocket: what live subscriptions need to send frames. */
  ws?: WsOperation;
}

/** A graphql-ws operation: its socket, id and the request as the client sent it. */
export interface WsOperation {
  socket: WebSocket;
  operationId: string;
  query: string;
  operationName: string | null;
  variables: Record<string, unknown>;
  /** A fresh context (fresh loaders) for the same viewer, to render one event. */
  fork(): Context;
}
