import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { startApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/platform/config.js";
import { createLogger } from "../../src/platform/logger.js";

/** A real server on a free loopback port against the run's PostgreSQL and Redis. */
export async function startTestApp(env: Record<string, string> = {}): Promise<App> {
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: inject("databaseUrl"),
    REDIS_URL: inject("redisUrl"),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    SEED_DEMO: "never",
    DB_POOL_MAX: "5",
    // Every test logs in from 127.0.0.1; the address limit has its own test.
    RATE_LIMIT_LOGIN_PER_ADDRESS: "1000000",
    // Bursts of hundreds of signals by one account are what the realtime tests do.
    RATE_LIMIT_SIGNAL_REPORTS_PER_HOUR: "1000000",
    ...QUIET_TIMERS,
    // Its own DATA_DIR (so its own mailbox/) per app: apps that must share a mailbox (two
    // instances delivering) get the same `DATA_DIR: newTestDataDir()` from their test.
    DATA_DIR: env["DATA_DIR"] ?? newTestDataDir(),
    ...env,
  });
  return startApp(config, createLogger(config));
}

/**
 * Timed work only where a test asks for it: every test server (in-process or a child process)
 * sets these explicitly instead of inheriting the production defaults (a 15 s sweep).
 */
export const QUIET_TIMERS = {
  SWEEP_INTERVAL_MS: "0",
  RETENTION_SWEEP_INTERVAL_MS: "0",
  ESCALATION_SWEEP_INTERVAL_MS: "600000",
} as const;

/** A fresh, empty DATA_DIR (its mailbox/ holds only the messages of the apps given it). */
export function newTestDataDir(): string {
  return mkdtempSync(join(tmpdir(), "wijknet-test-"));
}

export interface GqlResult<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
}

/** A GraphQL request over HTTP, exactly as a client sends it. */
export async function gql<T = Record<string, any>>(
  app: Pick<App, "url">,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GqlResult<T>> {
  const res = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GqlResult<T>, "status">;
  return { status: res.status, ...body };
}

/** The `extensions.code` of the first error, for terse assertions. */
export function errorCode(result: GqlResult): unknown {
  return result.errors?.[0]?.extensions?.["code"];
}

export interface WsConnection {
  client: Client;
  /** Resolves with the close code when the socket closes. */
  closed: Promise<number>;
}

/** A graphql-ws client that does not retry, so a test sees every close. */
export function wsConnect(app: Pick<App, "url">, token?: string): WsConnection {
  let onClose!: (code: number) => void;
  const closed = new Promise<number>((resolve) => (onClose = resolve));
  const client = createClient({
    url: `${app.url.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: { closed: (event) => onClose((event as { code: number }).code) },
    onNonLazyError: () => undefined,
  });
  return { client, closed };
}

/** Runs one operation over the socket and returns its single result. */
export function wsQuery<T = Record<string, any>>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  return new Promise<{ data?: T | null; errors?: readonly { message: string }[] }>((resolve, reject) => {
    let result: { data?: T | null; errors?: readonly { message: string }[] } | undefined;
    client.subscribe<T>(
      { query, variables },
      {
        next: (value) => (result = value as typeof result),
        error: reject,
        complete: () => (result ? resolve(result) : reject(new Error("no result"))),
      },
    );
  });
}
