import type { WebSocket } from "ws";
import type { Language } from "../core/language.js";
import type { Viewer } from "../core/viewer.js";
import type { Fanout } from "../platform/realtime/fanout.js";

/**
 * The services of every feature, by name. Empty here on purpose: each feature module
 * adds its own entries from its `index.ts` (TypeScript declaration merging), so the
 * kernel never imports a feature and a new feature edits no central file.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by each feature module (declaration merging)
export interface ServiceRegistry {}

/** Per-request DataLoaders of every feature, by name; filled in like ServiceRegistry. */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by each feature module (declaration merging)
export interface LoaderRegistry {}

/** What every resolver receives. */
export interface Context {
  viewer: Viewer | null;
  requestId: string;
  /** The caller's network address (for per-address rate limits); null when unknown. */
  clientAddress: string | null;
  transport: "http" | "ws";
  /** The language to answer in: the account's, else `Accept-Language`, else Dutch (core/language.ts). */
  language: Language;
  services: ServiceRegistry;
  /** Per-request (per-operation on WebSocket) DataLoaders: never shared between viewers. */
  loaders: LoaderRegistry;
  /** Set for operations over WebSocket: what live subscriptions need to send frames. */
  ws?: WsOperation;
}

/** A graphql-ws operation: its socket, id and the request as the client sent it. */
export interface WsOperation {
  socket: WebSocket;
  operationId: string;
  /** The instance's live fan-out, which serves this operation if it is a live feed. */
  fanout: Fanout;
  query: string;
  operationName: string | null;
  variables: Record<string, unknown>;
  /** A fresh context (fresh loaders) for the same viewer, to render one event. */
  fork(): Context;
}
