import type { Server } from "node:http";
import { randomUUID } from "node:crypto";
import { parse, validate, GraphQLError, type DocumentNode, type GraphQLSchema } from "graphql";
import { CloseCode } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer, type WebSocket } from "ws";
import type { Logger } from "../logger.js";
import type { AuthService } from "../modules/auth/auth.service.js";
import { parseBearer } from "../modules/auth/token.js";
import type { Context, Viewer, WsOperation } from "./context.js";

/** Close codes of the graphql-ws protocol we use (Unauthorized / Forbidden). */
export const WS_CLOSE = { UNAUTHORIZED: CloseCode.Unauthorized, FORBIDDEN: CloseCode.Forbidden } as const;

/** A graphql-ws message is a small JSON document; `ws` would accept 100 MiB by default. */
export const MAX_WS_MESSAGE_BYTES = 64 * 1024;
/** How often every open socket's session is re-checked (role change, disabled account). */
const REVALIDATE_EVERY_MS = 30_000;
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Parsed and validated documents by query text. Thousands of clients subscribe with the
 * same few documents: parsing and validating each once saves CPU at connect and, more
 * so, keeps one AST in memory instead of one per subscription.
 */
const DOCUMENT_CACHE_SIZE = 200;

function documentCache(schema: GraphQLSchema) {
  const cache = new Map<string, { document: DocumentNode } | { errors: readonly GraphQLError[] }>();
  return (query: string) => {
    let entry = cache.get(query);
    if (!entry) {
      try {
        const document = parse(query);
        const errors = validate(schema, document);
        entry = errors.length > 0 ? { errors } : { document };
      } catch (err) {
        entry = { errors: [err instanceof GraphQLError ? err : new GraphQLError("Syntax error")] };
      }
      if (cache.size >= DOCUMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(query, entry);
    }
    return entry;
  };
}

interface SocketState {
  viewer: Viewer;
  expiryTimer: NodeJS.Timeout;
}

export interface WsOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  auth: AuthService;
  buildContext(viewer: Viewer, requestId: string, op: Omit<WsOperation, "fork">): Context;
  log: Logger;
}

export interface WsHandle {
  /** Closes every socket of a revoked session (called when a doorbell ring says so). */
  closeSession(sessionId: string): void;
  socketCount(): number;
  dispose(): Promise<void>;
}

/**
 * graphql-ws on the HTTP server's port at /graphql. Authentication happens once at
 * connect (connection params), the socket closes when its token expires or is revoked,
 * and every operation gets a fresh context (fresh DataLoaders) built from the socket's viewer.
 */
export function attachWebSocketServer(opts: WsOptions): WsHandle {
  const wss = new WebSocketServer({ server: opts.httpServer, path: "/graphql", maxPayload: MAX_WS_MESSAGE_BYTES });
  const sockets = new Map<WebSocket, SocketState>();

  const forget = (socket: WebSocket) => {
    const state = sockets.get(socket);
    if (state) clearTimeout(state.expiryTimer);
    sockets.delete(socket);
  };

  const documents = documentCache(opts.schema);
  const disposable = useServer<Record<string, unknown> | undefined, { viewer: Viewer }>(
    {
      schema: opts.schema,
      connectionInitWaitTimeout: 5_000,
      onConnect: async (ctx) => {
        const token = parseBearer(ctx.connectionParams?.["authorization"]);
        const viewer = await opts.auth.authenticate(token);
        if (!viewer) {
          ctx.extra.socket.close(WS_CLOSE.UNAUTHORIZED, "Unauthorized");
          return false;
        }
        ctx.extra.viewer = viewer;
        const socket = ctx.extra.socket;
        const ms = Math.min(Math.max(viewer.expiresAt.getTime() - Date.now(), 0), MAX_TIMEOUT_MS);
        const expiryTimer = setTimeout(() => socket.close(WS_CLOSE.UNAUTHORIZED, "Token expired"), ms);
        expiryTimer.unref();
        sockets.set(socket, { viewer, expiryTimer });
        socket.once("close", () => forget(socket));
        return true;
      },
      onSubscribe: (_ctx, _id, payload) => {
        const entry = documents(payload.query);
        if ("errors" in entry) return [...entry.errors];
        return {
          schema: opts.schema,
          document: entry.document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
        };
      },
      context: (ctx, id, payload) => {
        const viewer = ctx.extra.viewer;
        // onConnect refused every socket without a viewer; this is defence in depth.
        if (!viewer) throw new Error("WebSocket operation without an authenticated viewer");
        return opts.buildContext(viewer, randomUUID(), {
          socket: ctx.extra.socket,
          operationId: id,
          query: payload.query,
          operationName: payload.operationName ?? null,
          variables: (payload.variables ?? {}) as Record<string, unknown>,
        });
      },
    },
    wss,
  );

  // Periodic re-check of every socket's session in one query: a disabled account or a
  // changed role must not keep a live feed.
  const revalidate = setInterval(() => {
    const open = [...sockets];
    if (open.length === 0) return;
    opts.auth
      .stillValidSessions(open.map(([, s]) => s.viewer))
      .then((valid) => {
        for (const [socket, state] of open) {
          if (!valid.has(state.viewer.sessionId)) socket.close(WS_CLOSE.FORBIDDEN, "Session no longer valid");
        }
      })
      .catch((err: Error) => opts.log.warn({ err: err.message }, "socket revalidation failed"));
  }, REVALIDATE_EVERY_MS);
  revalidate.unref();

  return {
    closeSession(sessionId) {
      for (const [socket, state] of sockets) {
        if (state.viewer.sessionId === sessionId) socket.close(WS_CLOSE.UNAUTHORIZED, "Session revoked");
      }
    },
    socketCount: () => sockets.size,
    async dispose() {
      clearInterval(revalidate);
      await disposable.dispose();
      for (const socket of sockets.keys()) forget(socket);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
