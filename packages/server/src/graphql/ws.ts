import type { Server } from "node:http";
import { randomUUID } from "node:crypto";
import { GraphQLError, getOperationAST, type DocumentNode, type GraphQLSchema } from "graphql";
import { CloseCode } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer, type WebSocket } from "ws";
import type { Logger } from "../platform/logger.js";
import type { Metrics } from "../platform/metrics.js";
import type { Fanout } from "../platform/realtime/fanout.js";
import type { AuthService } from "../modules/auth/auth.service.js";
import { parseBearer } from "../modules/auth/token.js";
import type { Viewer } from "../core/viewer.js";
import type { Context, WsOperation } from "../kernel/context.js";
import { requestLanguage } from "../core/language.js";
import { localizeError, translateMessage } from "../core/error-messages/index.js";
import { maskError } from "./errors.js";
import { createValidate, parseWithLimits } from "./limits.js";
import { untrustedError, type TrustedDocuments } from "./trusted-documents.js";

/** Close codes of the graphql-ws protocol we use (Unauthorized / Forbidden). */
export const WS_CLOSE = { UNAUTHORIZED: CloseCode.Unauthorized, FORBIDDEN: CloseCode.Forbidden } as const;

/** A graphql-ws message is a small JSON document; `ws` would accept 100 MiB by default. */
export const MAX_WS_MESSAGE_BYTES = 64 * 1024;
/** Limits per connection and per user (a browser tab needs one socket and a handful of operations). */
export const WS_LIMITS = {
  /** Default of WS_MAX_SOCKETS_PER_USER. */
  socketsPerUser: 10,
  operationsPerSocket: 25,
  /** Messages a socket may send per window before it is closed (1008). */
  messagesPerWindow: 200,
  windowMs: 10_000,
} as const;
/** WebSocket close code for a broken policy (RFC 6455). */
const POLICY_VIOLATION = 1008;

const CLIENT_MESSAGE_TYPES = new Set(["connection_init", "ping", "pong", "subscribe", "complete"]);

/** A text frame holding a JSON object whose `type` a client may send. */
function isClientMessage(data: unknown): boolean {
  try {
    const text = Buffer.isBuffer(data)
      ? data.toString("utf8")
      : Array.isArray(data)
        ? Buffer.concat(data as Buffer[]).toString("utf8")
        : String(data);
    const message: unknown = JSON.parse(text);
    return (
      typeof message === "object" &&
      message !== null &&
      !Array.isArray(message) &&
      CLIENT_MESSAGE_TYPES.has((message as { type?: unknown }).type as string)
    );
  } catch {
    return false;
  }
}

/** How often every open socket's session is re-checked (role change, disabled account). */
const REVALIDATE_EVERY_MS = 30_000;
/**
 * How often while the doorbell is down: a logout or a disabled account on another instance
 * rings the doorbell, and without it this re-check is what closes the socket.
 */
const REVALIDATE_WITHOUT_DOORBELL_MS = 1_000;
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Parsed and validated documents by query text. Thousands of clients subscribe with the
 * same few documents: parsing and validating each once saves CPU at connect and, more
 * so, keeps one AST in memory instead of one per subscription.
 */
const DOCUMENT_CACHE_SIZE = 200;

function documentCache(schema: GraphQLSchema, validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[]) {
  const cache = new Map<string, { document: DocumentNode } | { errors: readonly GraphQLError[] }>();
  return (query: string) => {
    let entry = cache.get(query);
    if (!entry) {
      try {
        // The same token limit and validation rules as HTTP (graphql/limits.ts).
        const document = parseWithLimits(query);
        const errors = validate(schema, document);
        entry = errors.length > 0 ? { errors } : { document };
      } catch (err) {
        entry = { errors: [err instanceof GraphQLError ? err : new GraphQLError("The document could not be parsed.")] };
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
  /** Whether the doorbell (which carries session revocations between instances) is connected now. */
  doorbellConnected(): boolean;
  /** Counts operations over the socket (by name, type and outcome). */
  metrics?: Pick<Metrics, "operation">;
  /** This instance's live fan-out: subscriptions attach to it (graphql/live.ts). */
  fanout: Fanout;
  buildContext(
    viewer: Viewer,
    requestId: string,
    clientAddress: string | null,
    acceptLanguage: string | null,
    op: Omit<WsOperation, "fork">,
  ): Context;
  log: Logger;
  /** Production hides "did you mean" suggestions, as Apollo does on HTTP. */
  production?: boolean;
  /** Sockets one account may hold open at once (WS_MAX_SOCKETS_PER_USER). */
  maxSocketsPerUser?: number;
  /** When set, only these documents run (production: the web app's own operations). */
  trusted?: TrustedDocuments | null;
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
  const validateDocument = createValidate(opts.production ?? false);
  const wss = new WebSocketServer({ server: opts.httpServer, path: "/graphql", maxPayload: MAX_WS_MESSAGE_BYTES });
  const sockets = new Map<WebSocket, SocketState>();

  // A gate in front of graphql-ws, per socket: a message flood closes the socket (1008),
  // and a frame that is not a client message of the protocol closes it as a bad request
  // (4400) before graphql-ws sees it (graphql-ws would answer some of them, such as a
  // client sending `connection_ack`, with an internal-error close, 4500).
  wss.on("connection", (socket) => {
    let windowStart = Date.now();
    let count = 0;
    const emit = socket.emit.bind(socket);
    socket.emit = ((event: string, ...args: unknown[]) => {
      if (event === "message") {
        const now = Date.now();
        if (now - windowStart > WS_LIMITS.windowMs) {
          windowStart = now;
          count = 0;
        }
        if (++count > WS_LIMITS.messagesPerWindow) {
          socket.close(POLICY_VIOLATION, "Too many messages");
          return false;
        }
        if (!isClientMessage(args[0])) {
          socket.close(CloseCode.BadRequest, "Invalid message received");
          return false;
        }
      }
      return emit(event, ...args);
    }) as typeof socket.emit;
  });

  const forget = (socket: WebSocket) => {
    const state = sockets.get(socket);
    if (state) clearTimeout(state.expiryTimer);
    sockets.delete(socket);
  };

  const documents = documentCache(opts.schema, validateDocument);
  const disposable = useServer<Record<string, unknown> | undefined, { viewer: Viewer }>(
    {
      schema: opts.schema,
      connectionInitWaitTimeout: 5_000,
      // graphql-ws parses and validates on its own: here with the same limits as HTTP, once
      // per distinct document (documentCache). Its default closes the whole socket (4500)
      // on a syntax error; here a bad document fails only its own operation, as on HTTP.
      onSubscribe: (ctx, _id, payload) => {
        // The new operation is already registered in ctx.subscriptions.
        if (Object.keys(ctx.subscriptions).length > WS_LIMITS.operationsPerSocket) {
          const message = translateMessage(
            `At most ${WS_LIMITS.operationsPerSocket} operations at once per connection.`,
            requestLanguage(ctx.extra.viewer?.language, ctx.extra.request.headers["accept-language"]),
          );
          return [new GraphQLError(message, { extensions: { code: "RATE_LIMITED" } })];
        }
        const entry = documents(payload.query);
        if ("errors" in entry) {
          opts.metrics?.operation(payload.operationName, "unknown", "ws", "error");
          return [...entry.errors];
        }
        if (opts.trusted && !opts.trusted.isTrusted(entry.document)) {
          opts.metrics?.operation(payload.operationName, "unknown", "ws", "error");
          return [untrustedError()];
        }
        const operation = getOperationAST(entry.document, payload.operationName);
        opts.metrics?.operation(operation?.name?.value, operation?.operation ?? "unknown", "ws", "ok");
        return {
          schema: opts.schema,
          document: entry.document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
        };
      },
      // Resolver errors are masked exactly as on HTTP (Apollo's formatError does not run here).
      // In the caller's language, as on HTTP (graphql/error-messages).
      onNext: (ctx, _id, _payload, args, result) =>
        result.errors
          ? {
              ...result,
              errors: result.errors.map((e) =>
                localizeError(
                  maskError(e.toJSON(), () => {
                    const errorId = randomUUID();
                    opts.log.error({ err: e.originalError ?? e, errorId, path: e.path }, "unexpected error in WebSocket operation");
                    return errorId;
                  }),
                  (args.contextValue as Context | undefined)?.language ??
                    requestLanguage(ctx.extra.viewer?.language, ctx.extra.request.headers["accept-language"]),
                ),
              ),
            }
          : undefined,
      onConnect: async (ctx) => {
        const token = parseBearer(ctx.connectionParams?.["authorization"]);
        let viewer: Viewer | null;
        try {
          viewer = await opts.auth.authenticate(token);
        } catch (err) {
          // graphql-ws would close with 4500 and the error's text (a pg message) as the
          // reason: internal text never reaches a client. 1013: try again later.
          opts.log.warn({ err: (err as Error).message }, "authenticating a WebSocket failed");
          ctx.extra.socket.close(1013, "Try again later");
          return false;
        }
        if (!viewer) {
          ctx.extra.socket.close(WS_CLOSE.UNAUTHORIZED, "Unauthorized");
          return false;
        }
        const socket = ctx.extra.socket;
        const userSockets = [...sockets.values()].filter((s) => s.viewer.userId === viewer.userId).length;
        if (userSockets >= (opts.maxSocketsPerUser ?? WS_LIMITS.socketsPerUser)) {
          socket.close(POLICY_VIOLATION, "Too many connections for this account");
          return false;
        }
        ctx.extra.viewer = viewer;
        const ms = Math.min(Math.max(viewer.expiresAt.getTime() - Date.now(), 0), MAX_TIMEOUT_MS);
        const expiryTimer = setTimeout(() => socket.close(WS_CLOSE.UNAUTHORIZED, "Token expired"), ms);
        expiryTimer.unref();
        sockets.set(socket, { viewer, expiryTimer });
        socket.once("close", () => forget(socket));
        return true;
      },
      context: (ctx, id, payload) => {
        const viewer = ctx.extra.viewer;
        // onConnect refused every socket without a viewer; this is defence in depth.
        if (!viewer) throw new Error("WebSocket operation without an authenticated viewer");
        const acceptLanguage = ctx.extra.request.headers["accept-language"] ?? null;
        return opts.buildContext(viewer, randomUUID(), ctx.extra.request.socket.remoteAddress ?? null, acceptLanguage, {
          socket: ctx.extra.socket,
          operationId: id,
          fanout: opts.fanout,
          query: payload.query,
          operationName: payload.operationName ?? null,
          variables: (payload.variables ?? {}) as Record<string, unknown>,
        });
      },
    },
    wss,
  );

  // Periodic re-check of every socket's session in one query: a disabled account or a
  // changed role must not keep a live feed. Every 30 s while the doorbell delivers
  // revocations; every second while it is down, and once more when it is back (a ring
  // may have been missed in between).
  let lastCheck = Date.now();
  let doorbellWasUp = true;
  const revalidate = setInterval(() => {
    const doorbellUp = opts.doorbellConnected();
    const due = !doorbellUp || !doorbellWasUp || Date.now() - lastCheck >= REVALIDATE_EVERY_MS;
    doorbellWasUp = doorbellUp;
    if (!due) return;
    lastCheck = Date.now();
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
  }, REVALIDATE_WITHOUT_DOORBELL_MS);
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
