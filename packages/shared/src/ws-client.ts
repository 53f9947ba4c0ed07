/**
 * A graphql-ws client that keeps trying to reach the server, plus a helper for
 * subscriptions that resume from the last event they delivered.
 *
 * Lives in the shared package so the web app and server-side tests use the
 * same reconnect and resume behaviour. It only depends on graphql-ws, so it
 * runs in the browser and in Node (pass `webSocketImpl` from `ws` there).
 */
import { createClient, type Client, type FormattedExecutionResult, type Sink, type SubscribePayload } from "graphql-ws";

/**
 * - `idle`: no socket, and none is needed (lazy client without subscriptions,
 *   or the client closed its own socket on purpose). Not an error.
 * - `connecting`: a socket is being opened (first time or a retry).
 * - `connected`: the server acknowledged the connection.
 * - `disconnected`: the socket dropped while subscriptions still need it; the
 *   client is waiting to retry.
 *
 * `idle` exists so a banner does not report "connection lost" when the client
 * simply closed a socket that nobody needed any more.
 */
export type WsStatus = "idle" | "connecting" | "connected" | "disconnected";

export interface ResumableWsClientOptions {
  /** ws:// or wss:// URL, or a function that returns it (evaluated per connect). */
  url: string | (() => string | Promise<string>);
  /**
   * The full `authorization` value ("Bearer <token>"), or null/undefined when
   * anonymous. Called on every (re)connect so a refreshed token is used.
   */
  getAuthorization: () => string | null | undefined | Promise<string | null | undefined>;
  /** Called whenever the connection status changes. */
  onStatus?: (status: WsStatus) => void;
  /** A WebSocket constructor; required on Node 20 (no global WebSocket), e.g. `ws`. */
  webSocketImpl?: unknown;
  /** Send a ping after this many ms of silence. Default 10 000. */
  keepAliveMs?: number;
  /** Drop the socket (and retry) when a ping gets no pong within this many ms. Default 5 000. */
  pongTimeoutMs?: number;
  /** Delay scale of the first retry. Default 300 ms. */
  retryBaseDelayMs?: number;
  /** Upper bound of any retry delay. Default 5 000 ms. */
  retryMaxDelayMs?: number;
  /** Keep an unused socket open this long, so switching screens does not reconnect. Default 3 000 ms. */
  lazyCloseTimeoutMs?: number;
  /** Close the socket when the server does not acknowledge within this many ms. Default 10 000. */
  connectionAckWaitTimeoutMs?: number;
}

export interface ResumableWsClient extends Client {
  getStatus(): WsStatus;
  /** Listen to status changes; returns an unsubscribe function. */
  onStatusChange(listener: (status: WsStatus) => void): () => void;
  /**
   * How many times the server has acknowledged a connection so far. Lets
   * `subscribeResumable` tell whether its subscription was sent on a socket
   * that has since been replaced.
   */
  getConnectionCount(): number;
  /**
   * Drop the current socket so the next one is opened with fresh
   * connectionParams (e.g. after login or logout). Active subscriptions retry.
   */
  restart(): void;
  /** The retry delays this client uses; `subscribeResumable` reuses them. */
  readonly backoff: BackoffOptions;
}

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Delay before retry number `retries` (0 = first retry): exponential, capped,
 * with "equal jitter" (half fixed, half random) so that many browsers that lost
 * the same server do not all come back in the same millisecond, while the
 * first retry stays fast (≤ baseDelayMs).
 */
export function backoffDelay(retries: number, { baseDelayMs, maxDelayMs }: BackoffOptions, random: () => number = Math.random): number {
  // 2 ** 30 is plenty and avoids Infinity on a very long outage.
  const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(retries, 30));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

export function createResumableWsClient(options: ResumableWsClientOptions): ResumableWsClient {
  const {
    url,
    getAuthorization,
    onStatus,
    webSocketImpl,
    keepAliveMs = 10_000,
    pongTimeoutMs = 5_000,
    retryBaseDelayMs = 300,
    retryMaxDelayMs = 5_000,
    lazyCloseTimeoutMs = 3_000,
    connectionAckWaitTimeoutMs = 10_000,
  } = options;

  let status: WsStatus = "idle";
  let connectionCount = 0;
  // Counted here (graphql-ws keeps its own count private) so a close can be
  // classified: with no active subscriptions it is an intended, idle close.
  let activeSubscriptions = 0;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<(status: WsStatus) => void>();

  function setStatus(next: WsStatus) {
    if (next === status) return;
    status = next;
    onStatus?.(next);
    for (const listener of [...listeners]) listener(next);
  }

  const inner = createClient({
    url,
    // Lazy: no socket until a subscription needs one, so the login page and
    // screens without live data never open a WebSocket.
    lazy: true,
    lazyCloseTimeout: lazyCloseTimeoutMs,
    keepAlive: keepAliveMs,
    connectionAckWaitTimeout: connectionAckWaitTimeoutMs,
    // A live screen should come back by itself after any outage, however long.
    // (graphql-ws still gives up on close codes that retrying cannot fix, such
    // as 4400 Bad Request or 4401 Unauthorized; those reach the subscriber.)
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) =>
      new Promise((resolve) => setTimeout(resolve, backoffDelay(retries, { baseDelayMs: retryBaseDelayMs, maxDelayMs: retryMaxDelayMs }))),
    // A function, so it runs on every (re)connect and sends the current token,
    // not the one that was valid when the client was created.
    connectionParams: async () => {
      const authorization = await getAuthorization();
      return authorization ? { authorization } : {};
    },
    webSocketImpl,
    on: {
      connecting: () => setStatus("connecting"),
      connected: () => {
        connectionCount += 1;
        setStatus("connected");
      },
      closed: () => {
        clearTimeout(pongTimer);
        setStatus(activeSubscriptions > 0 ? "disconnected" : "idle");
      },
      // Keep-alive pings alone do not notice a half-open socket (laptop lid
      // closed, NAT entry dropped): no pong in time means the socket is dead,
      // so terminate it and let the retry logic open a new one.
      ping: (received) => {
        if (received) return; // the server pinged us; graphql-ws answers it
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => inner.terminate(), pongTimeoutMs);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
    },
  });

  function subscribe<Data = Record<string, unknown>, Extensions = unknown>(
    payload: SubscribePayload,
    sink: Sink<FormattedExecutionResult<Data, Extensions>>,
  ): () => void {
    activeSubscriptions += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      activeSubscriptions -= 1;
      // The last waiting subscription gave up (e.g. 4401) or was disposed
      // during an outage: nothing will retry, so stop reporting a loss.
      if (activeSubscriptions === 0 && status === "disconnected") setStatus("idle");
    };
    const dispose = inner.subscribe<Data, Extensions>(payload, {
      next: (value) => sink.next(value),
      error: (error) => {
        release();
        sink.error(error);
      },
      complete: () => {
        release();
        sink.complete();
      },
    });
    return () => {
      release();
      dispose();
    };
  }

  return {
    on: inner.on,
    subscribe,
    // Not counted: iterate() is a convenience for scripts and tests; a socket
    // closed while only iterators use it is reported as `idle`.
    iterate: inner.iterate,
    terminate: inner.terminate,
    dispose: () => {
      clearTimeout(pongTimer);
      listeners.clear();
      return inner.dispose();
    },
    getStatus: () => status,
    onStatusChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getConnectionCount: () => connectionCount,
    restart: () => inner.terminate(),
    backoff: { baseDelayMs: retryBaseDelayMs, maxDelayMs: retryMaxDelayMs },
  };
}

export interface ResumableSubscriptionOptions<Data> {
  /** The subscription document as a string. */
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  /** Name of the variable that carries the resume cursor, e.g. "after". */
  cursorVariable: string;
  /** The opaque cursor of an event, or null/undefined for results without one. */
  getCursor: (result: FormattedExecutionResult<Data>) => string | null | undefined;
  /** How many delivered cursors to remember for de-duplication. Default 1 000. */
  dedupeWindow?: number;
}

export interface ResumableSubscription {
  /** Stop the subscription. */
  dispose(): void;
  /** The cursor of the last event delivered, if any. */
  lastCursor(): string | undefined;
}

/**
 * Close codes after which resubscribing cannot help: the request itself is
 * wrong, the token is not accepted, or the client misbehaved. These reach the
 * subscriber as an error (4401: the app should send the user to the login page).
 */
const NON_RETRYABLE_CLOSE_CODES = new Set([
  4400, // Bad Request
  4401, // Unauthorized
  4406, // Subprotocol Not Acceptable
  4409, // Subscriber already exists
  4429, // Too many initialisation requests
  4004, // Bad Response (client could not parse the server)
  4005, // Internal Client Error (e.g. getAuthorization threw)
]);

function closeCodeOf(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "code" in error && "reason" in error) {
    const { code } = error as { code: unknown };
    return typeof code === "number" ? code : undefined;
  }
  return undefined;
}

/**
 * Subscribe so that a reconnect resumes where the last delivered event left off.
 *
 * Why not rely on graphql-ws alone: on a retry it re-sends the *original*
 * subscribe message, so the server would replay from the original cursor (or
 * from "now", losing what happened while offline). Instead, when a new socket
 * is acknowledged after the one our subscription ran on, we start a fresh
 * subscription with `[cursorVariable]: lastCursor` and drop the old one before
 * graphql-ws gets to re-send it.
 *
 * graphql-ws also gives up for good on some close codes even with
 * `shouldRetry: () => true` (1011 Internal Error, 4500 Internal Server Error
 * and other 1xxx codes). A live screen should outlast a server hiccup, so for
 * those we resubscribe ourselves after a backoff; only the codes in
 * NON_RETRYABLE_CLOSE_CODES, GraphQL errors and a server-side `complete` end
 * the subscription.
 *
 * Cursors are opaque (only the server can order them), so duplicates (e.g. a
 * replay that includes the cursor we resumed from) are dropped by remembering
 * the last `dedupeWindow` delivered cursors.
 */
export function subscribeResumable<Data = Record<string, unknown>>(
  client: ResumableWsClient,
  options: ResumableSubscriptionOptions<Data>,
  sink: Sink<FormattedExecutionResult<Data>>,
): ResumableSubscription {
  const { query, operationName, variables = {}, cursorVariable, getCursor, dedupeWindow = 1_000 } = options;

  // Insertion-ordered, so the oldest cursor is the first to evict.
  const delivered = new Set<string>();
  let lastCursor: string | undefined;
  let stopped = false;
  let generation = 0;
  let disposeCurrent: () => void = () => {};
  // The connection number our current subscription is (or will be) sent on.
  let sentOnConnection = 0;
  let restartTimer: ReturnType<typeof setTimeout> | undefined;
  // Consecutive restarts after fatal closes; reset once an event gets through.
  let fatalRetries = 0;

  function start() {
    const myGeneration = ++generation;
    sentOnConnection = client.getStatus() === "connected" ? client.getConnectionCount() : client.getConnectionCount() + 1;
    const resumeVariables = lastCursor === undefined ? variables : { ...variables, [cursorVariable]: lastCursor };
    // Results from a replaced subscription are ignored: graphql-ws still
    // completes it (or, in a race, delivers a result) after we dropped it.
    const isCurrent = () => !stopped && myGeneration === generation;
    disposeCurrent = client.subscribe<Data, Record<string, unknown>>(
      { query, operationName: operationName ?? null, variables: resumeVariables },
      {
        next(result) {
          if (!isCurrent()) return;
          fatalRetries = 0;
          const cursor = getCursor(result);
          if (cursor != null) {
            if (delivered.has(cursor)) return;
            delivered.add(cursor);
            if (delivered.size > dedupeWindow) {
              const oldest = delivered.values().next().value;
              if (oldest !== undefined) delivered.delete(oldest);
            }
            lastCursor = cursor;
          }
          sink.next(result);
        },
        error(error) {
          if (!isCurrent()) return;
          const code = closeCodeOf(error);
          if (code !== undefined && !NON_RETRYABLE_CLOSE_CODES.has(code)) {
            clearTimeout(restartTimer);
            restartTimer = setTimeout(restart, backoffDelay(fatalRetries++, client.backoff));
            return;
          }
          stop();
          // graphql-ws keeps its internal lock when it gives up after a close;
          // releasing it lets the lazy client close later sockets again.
          disposeCurrent();
          sink.error(error);
        },
        complete() {
          if (!isCurrent()) return;
          stop();
          sink.complete();
        },
      },
    );
  }

  // Subscribe first, then dispose the old one: the lazy client never sees
  // zero subscriptions in between and keeps the new socket open.
  function restart() {
    clearTimeout(restartTimer);
    restartTimer = undefined;
    const disposePrevious = disposeCurrent;
    start();
    disposePrevious();
  }

  // graphql-ws emits `connected` before it resumes pending subscriptions, so
  // disposing the old one here stops it from re-sending the old variables.
  const unlistenConnected = client.on("connected", () => {
    if (stopped) return;
    if (client.getConnectionCount() <= sentOnConnection) return;
    restart();
  });

  function stop() {
    stopped = true;
    clearTimeout(restartTimer);
    unlistenConnected();
  }

  start();

  return {
    dispose() {
      if (stopped) return;
      stop();
      disposeCurrent();
    },
    lastCursor: () => lastCursor,
  };
}
