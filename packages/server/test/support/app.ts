import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { startApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/platform/config.js";
import type { TypedDocumentString } from "../generated/graphql.js";
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
    // The run's database is migrated once by global-setup.ts.
    DB_MIGRATE: "never",
    DB_POOL_MAX: "5",
    // Every test logs in from 127.0.0.1; the address limit has its own test.
    RATE_LIMIT_LOGIN_PER_ADDRESS: "1000000",
    RATE_LIMIT_LOGIN_PER_ACCOUNT_ADDRESS: "1000000",
    RATE_LIMIT_PASSWORD_RESET_PER_ADDRESS: "1000000",
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
  ALERT_DELIVERY_INTERVAL_MS: "0",
} as const;

/** A fresh, empty DATA_DIR (its mailbox/ holds only the messages of the apps given it), under the run's folder. */
export function newTestDataDir(): string {
  return mkdtempSync(join(inject("dataRoot"), "app-"));
}

export interface GqlResult<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
}

/**
 * The variables (and token) after a typed document: required when the operation has a required
 * variable, optional when it has none or only optional ones.
 */
export type VariablesArgs<V> = Record<string, never> extends V ? [variables?: V, token?: string] : [variables: V, token?: string];

/**
 * A GraphQL request over HTTP, exactly as a client sends it. Tests pass a typed document from
 * `graphql(…)` (test/generated, checked against the schema); a plain string only for documents
 * that are deliberately invalid or hostile.
 */
export function gql<TResult, TVariables>(
  app: Pick<App, "url">,
  query: TypedDocumentString<TResult, TVariables>,
  ...args: VariablesArgs<TVariables>
): Promise<GqlResult<TResult>>;
export function gql<T = Record<string, any>>(
  app: Pick<App, "url">,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<GqlResult<T>>;
export async function gql(
  app: Pick<App, "url">,
  query: string | TypedDocumentString<unknown, unknown>,
  variables: unknown = {},
  token?: string,
): Promise<GqlResult<unknown>> {
  const res = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: query.toString(), variables: variables ?? {} }),
  });
  const body = (await res.json()) as Omit<GqlResult<unknown>, "status">;
  return { status: res.status, ...body };
}

/** The variables of a typed document: required when the operation has a required variable. */
export type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

/**
 * `gql` bound to one caller, typed the same way; both are read at call time, so a file can
 * declare `const asCoordinator = gqlAs(() => app, () => w.tokens.coordinator)` before its beforeAll.
 */
export function gqlAs(app: () => Pick<App, "url">, token: () => string | undefined) {
  return <TResult, TVariables>(query: TypedDocumentString<TResult, TVariables>, ...[variables]: VariablesArg<TVariables>) =>
    gql(app(), query as TypedDocumentString<TResult, Record<string, unknown>>, (variables ?? {}) as Record<string, unknown>, token());
}

/** The `extensions.code` of the first error, for terse assertions. */
export function errorCode(result: Pick<GqlResult<unknown>, "errors">): unknown {
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

type WsResult<T> = { data?: T | null; errors?: readonly { message: string }[] };

/** Runs one operation over the socket and returns its single result (typed document or, for invalid ones, a string). */
export function wsQuery<TResult, TVariables>(
  client: Client,
  query: TypedDocumentString<TResult, TVariables>,
  ...args: VariablesArg<TVariables>
): Promise<WsResult<TResult>>;
export function wsQuery<T = Record<string, any>>(client: Client, query: string, variables?: Record<string, unknown>): Promise<WsResult<T>>;
export function wsQuery(client: Client, query: string | TypedDocumentString<unknown, unknown>, variables: unknown = {}) {
  return new Promise<WsResult<unknown>>((resolve, reject) => {
    let result: WsResult<unknown> | undefined;
    client.subscribe(
      { query: query.toString(), variables: (variables ?? {}) as Record<string, unknown> },
      {
        next: (value) => (result = value as typeof result),
        error: reject,
        complete: () => (result ? resolve(result) : reject(new Error("no result"))),
      },
    );
  });
}
