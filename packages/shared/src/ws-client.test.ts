/**
 * Behaviour tests against a real graphql-ws server on a loopback port: the
 * client must survive the server going away, resume from the last cursor it
 * delivered, send a fresh token on every connect, and never deliver an event
 * twice.
 */
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { buildSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { backoffDelay, createResumableWsClient, subscribeResumable, type ResumableWsClient, type WsStatus } from "./ws-client.js";

const schema = buildSchema(/* GraphQL */ `
  type Query {
    ok: Boolean
  }
  type Event {
    cursor: String!
    n: Int!
  }
  type Subscription {
    events(after: String): Event!
  }
`);

const EVENTS_SUBSCRIPTION = /* GraphQL */ `
  subscription Events($after: String) {
    events(after: $after) {
      cursor
      n
    }
  }
`;

interface LoggedEvent {
  cursor: string;
  n: number;
}

/** An append-only event log shared by successive server instances, like a database. */
class EventLog {
  readonly events: LoggedEvent[] = [];
  private readonly listeners = new Set<() => void>();

  publish(count = 1): void {
    for (let i = 0; i < count; i++) {
      const n = this.events.length + 1;
      // Zero-padded so the test server can compare cursors; the client never does.
      this.events.push({ cursor: `c${String(n).padStart(4, "0")}`, n });
    }
    for (const listener of [...this.listeners]) listener();
  }

  onPublish(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

type ReplayMode =
  /** Events strictly after the cursor (what a correct server does). */
  | "exclusive"
  /** Also re-sends the event at the cursor: an at-least-once server. */
  | "inclusive"
  /** Ignores the cursor and replays the whole log. */
  | "everything";

/**
 * Async iterator over the log from a cursor on. Hand-written (not an async
 * generator) so that return() ends it at once even while it waits for events.
 */
function eventsFrom(log: EventLog, after: string | null | undefined, mode: ReplayMode): AsyncIterableIterator<{ events: LoggedEvent }> {
  let index = 0;
  if (after && mode !== "everything") {
    const at = log.events.findIndex((event) => event.cursor === after);
    index = at === -1 ? 0 : mode === "inclusive" ? at : at + 1;
  }
  let done = false;
  let wake: (() => void) | undefined;
  const unlisten = log.onPublish(() => wake?.());
  const finish = () => {
    done = true;
    unlisten();
    wake?.();
    return Promise.resolve({ done: true as const, value: undefined });
  };
  return {
    async next() {
      while (!done && index >= log.events.length) {
        await new Promise<void>((resolve) => (wake = resolve));
      }
      if (done) return { done: true as const, value: undefined };
      const event = log.events[index++]!;
      return { done: false as const, value: { events: event } };
    },
    return: finish,
    throw: (error: unknown) => finish().then(() => Promise.reject(error)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

interface TestServer {
  url: string;
  port: number;
  /** connectionParams of every connection, in order. */
  connectionParams: unknown[];
  /** Variables of every subscribe message, in order. */
  subscribeVariables: unknown[];
  /** How many events this server sent. */
  sent: () => number;
  /** Close every socket from the server side with the given code (server keeps listening). */
  closeSockets(code: number): void;
  /** Drop every socket without a close frame (like a crash or a network cut). */
  terminateSockets(): void;
  /** Shut down completely, like a restart: sockets get 1001 Going Away. */
  stop(): Promise<void>;
}

const servers = new Set<TestServer>();
const clients = new Set<ResumableWsClient>();

async function startServer(log: EventLog, { port = 0, mode = "exclusive" as ReplayMode } = {}): Promise<TestServer> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port });
  await once(wss, "listening");
  const actualPort = (wss.address() as AddressInfo).port;
  const connectionParams: unknown[] = [];
  const subscribeVariables: unknown[] = [];
  let sent = 0;
  const graphqlWs = useServer(
    {
      schema,
      roots: {
        subscription: {
          events: ({ after }: { after?: string | null }) => eventsFrom(log, after, mode),
        },
      },
      onConnect: (ctx) => {
        connectionParams.push(ctx.connectionParams);
        return true;
      },
      onSubscribe: (_ctx, _id, payload) => {
        subscribeVariables.push(payload.variables ?? {});
      },
      onNext: () => {
        sent += 1;
      },
    },
    wss,
  );
  let stopped = false;
  const server: TestServer = {
    url: `ws://127.0.0.1:${actualPort}/graphql`,
    port: actualPort,
    connectionParams,
    subscribeVariables,
    sent: () => sent,
    closeSockets(code) {
      for (const socket of wss.clients) socket.close(code, "test close");
    },
    terminateSockets() {
      for (const socket of wss.clients) socket.terminate();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      servers.delete(server);
      await graphqlWs.dispose();
    },
  };
  servers.add(server);
  return server;
}

function makeClient(url: string, extra: { token?: () => string; statuses?: WsStatus[] } = {}) {
  const client = createResumableWsClient({
    url,
    getAuthorization: () => (extra.token ? `Bearer ${extra.token()}` : null),
    onStatus: (status) => extra.statuses?.push(status),
    webSocketImpl: WebSocket,
    // Fast retries keep the test quick; the behaviour is the same as production.
    retryBaseDelayMs: 20,
    retryMaxDelayMs: 100,
    lazyCloseTimeoutMs: 0,
  });
  clients.add(client);
  return client;
}

interface EventsResult {
  events: LoggedEvent;
}

function subscribeEvents(client: ResumableWsClient) {
  const received: number[] = [];
  const errors: unknown[] = [];
  let completed = false;
  const subscription = subscribeResumable<EventsResult>(
    client,
    {
      query: EVENTS_SUBSCRIPTION,
      variables: {},
      cursorVariable: "after",
      getCursor: (result) => result.data?.events.cursor,
    },
    {
      next: (result) => {
        if (result.data) received.push(result.data.events.n);
      },
      error: (error) => errors.push(error),
      complete: () => (completed = true),
    },
  );
  return { received, errors, subscription, isCompleted: () => completed };
}

async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

afterEach(async () => {
  for (const client of clients) await client.dispose();
  clients.clear();
  for (const server of [...servers]) await server.stop();
});

describe("createResumableWsClient + subscribeResumable against a real graphql-ws server", () => {
  it("reconnects after a server restart, resumes from the last cursor with a fresh token, and delivers every event once", async () => {
    const log = new EventLog();
    let server = await startServer(log);
    let token = "first-token";
    const statuses: WsStatus[] = [];
    const client = makeClient(server.url, { token: () => token, statuses });
    const { received, errors } = subscribeEvents(client);

    await until(() => server.subscribeVariables.length === 1, "first subscribe");
    log.publish(3);
    await until(() => received.length >= 3, "first three events");
    expect(server.connectionParams).toEqual([{ authorization: "Bearer first-token" }]);
    expect(server.subscribeVariables).toEqual([{}]);

    // The server goes away; events keep happening while the client is offline.
    token = "second-token";
    const port = server.port;
    await server.stop();
    await until(() => statuses.includes("disconnected"), "disconnected status");
    log.publish(2);
    // Let a few connection attempts fail against the closed port.
    await new Promise((resolve) => setTimeout(resolve, 150));

    server = await startServer(log, { port });
    await until(() => received.length >= 5, "events published while offline");
    log.publish(1);
    await until(() => received.length >= 6, "event after reconnect");

    expect(received).toEqual(range(1, 6));
    expect(errors).toEqual([]);
    // Exactly one subscribe on the new server, carrying the resume cursor: the
    // original variables were not re-sent by graphql-ws' own retry.
    expect(server.subscribeVariables).toEqual([{ after: "c0003" }]);
    // connectionParams are evaluated per connect, so the new token is sent.
    expect(server.connectionParams).toEqual([{ authorization: "Bearer second-token" }]);
    expect(statuses[0]).toBe("connecting");
    expect(statuses[1]).toBe("connected");
    expect(statuses.at(-1)).toBe("connected");
    expect(statuses).toContain("disconnected");
  });

  it.each([
    ["the server closes with 1000 Normal Closure", (server: TestServer) => server.closeSockets(1000)],
    ["the server closes with 1011 Internal Error", (server: TestServer) => server.closeSockets(1011)],
    ["the server closes with 4500 Internal Server Error", (server: TestServer) => server.closeSockets(4500)],
    ["the connection is cut without a close frame", (server: TestServer) => server.terminateSockets()],
  ])("re-subscribes with the last cursor when %s", async (_name, cut) => {
    const log = new EventLog();
    const server = await startServer(log);
    const client = makeClient(server.url);
    const { received, errors } = subscribeEvents(client);
    await until(() => server.subscribeVariables.length === 1, "first subscribe");
    log.publish(2);
    await until(() => received.length >= 2, "first two events");

    cut(server);
    await until(() => server.connectionParams.length === 2, "second connection");
    log.publish(2);
    await until(() => received.length >= 4, "events after reconnect");

    expect(received).toEqual(range(1, 4));
    expect(errors).toEqual([]);
    expect(server.subscribeVariables).toEqual([{}, { after: "c0002" }]);
  });

  it("gives up and reports the error when the server rejects the client (4401 Unauthorized)", async () => {
    const log = new EventLog();
    const server = await startServer(log);
    const client = makeClient(server.url);
    const { received, errors } = subscribeEvents(client);
    await until(() => server.subscribeVariables.length === 1, "first subscribe");
    log.publish(1);
    await until(() => received.length >= 1, "first event");

    server.closeSockets(4401);
    await until(() => errors.length === 1, "error delivered");
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(errors[0]).toMatchObject({ code: 4401 });
    // Nothing retries any more, so the banner must not claim otherwise.
    expect(client.getStatus()).toBe("idle");
    expect(server.connectionParams).toHaveLength(1);
    expect(server.subscribeVariables).toHaveLength(1);
  });

  it("re-subscribes with the last cursor after restart() (e.g. after a new login)", async () => {
    const log = new EventLog();
    const server = await startServer(log);
    const client = makeClient(server.url);
    const { received } = subscribeEvents(client);
    await until(() => server.subscribeVariables.length === 1, "first subscribe");
    log.publish(1);
    await until(() => received.length >= 1, "first event");

    client.restart();
    await until(() => server.subscribeVariables.length === 2, "second subscribe");
    log.publish(1);
    await until(() => received.length >= 2, "second event");

    expect(received).toEqual([1, 2]);
    expect(server.subscribeVariables).toEqual([{}, { after: "c0001" }]);
  });

  it.each(["inclusive", "everything"] as const)(
    "drops events it already delivered when the server replays them (%s replay)",
    async (mode) => {
      const log = new EventLog();
      const server = await startServer(log, { mode });
      const client = makeClient(server.url);
      const { received } = subscribeEvents(client);
      await until(() => server.subscribeVariables.length === 1, "first subscribe");
      log.publish(3);
      await until(() => received.length >= 3, "first three events");

      server.terminateSockets();
      await until(() => server.subscribeVariables.length === 2, "resubscribe");
      log.publish(2);
      await until(() => received.length >= 5, "new events");
      // Give any duplicate a chance to arrive before asserting it did not.
      await new Promise((resolve) => setTimeout(resolve, 50));

      // The server did send duplicates ...
      expect(server.sent()).toBeGreaterThan(5);
      // ... but every event reached the subscriber exactly once, in order.
      expect(received).toEqual(range(1, 5));
    },
  );

  it("reports idle, not disconnected, when the last subscription ends on purpose", async () => {
    const log = new EventLog();
    const server = await startServer(log);
    const statuses: WsStatus[] = [];
    const client = makeClient(server.url, { statuses });
    expect(client.getStatus()).toBe("idle");

    const { subscription } = subscribeEvents(client);
    await until(() => client.getStatus() === "connected", "connected");
    await until(() => server.subscribeVariables.length === 1, "first subscribe");
    subscription.dispose();
    await until(() => client.getStatus() === "idle", "idle after last subscription ended");

    expect(statuses).toEqual(["connecting", "connected", "idle"]);
  });

  it("stops resuming once disposed", async () => {
    const log = new EventLog();
    const server = await startServer(log);
    const client = makeClient(server.url);
    const { received, subscription } = subscribeEvents(client);
    await until(() => server.subscribeVariables.length === 1, "first subscribe");
    log.publish(1);
    await until(() => received.length >= 1, "first event");
    expect(subscription.lastCursor()).toBe("c0001");

    subscription.dispose();
    log.publish(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual([1]);
    expect(server.subscribeVariables).toHaveLength(1);
  });
});

describe("backoffDelay", () => {
  const options = { baseDelayMs: 300, maxDelayMs: 5_000 };

  it("keeps the first retry fast", () => {
    expect(backoffDelay(0, options, () => 0)).toBe(150);
    expect(backoffDelay(0, options, () => 1)).toBe(300);
  });

  it("grows exponentially and never exceeds the cap", () => {
    expect(backoffDelay(1, options, () => 1)).toBe(600);
    expect(backoffDelay(3, options, () => 1)).toBe(2_400);
    for (const retries of [5, 10, 50, 10_000]) {
      expect(backoffDelay(retries, options, () => 1)).toBe(5_000);
      expect(backoffDelay(retries, options, () => 0)).toBe(2_500);
    }
  });

  it("adds jitter", () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(4, options)));
    expect(delays.size).toBeGreaterThan(1);
  });
});
