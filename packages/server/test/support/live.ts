import { createResumableWsClient, subscribeResumable, type ResumableWsClient } from "@wijknet/shared";
import WebSocket from "ws";
import type { App } from "../../src/app.js";
import { gql } from "./app.js";
import { createUser, TEST_PASSWORD } from "./factories.js";
import { waitUntil } from "./wait.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import type { Role } from "../../src/generated/prisma/enums.js";
import { graphql } from "../generated/index.js";
import type { ReportSignalInput, TypedDocumentString } from "../generated/graphql.js";

const LOGIN = graphql(`mutation LiveLogin($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`);

/** A user of the given role, logged in through the API. */
export async function loggedIn(
  app: Pick<App, "url">,
  prisma: PrismaClient,
  municipalityId: string,
  role: Role,
  districtIds: string[] = [],
  opts: { isBackup?: boolean; partnerOrganisationId?: string } = {},
) {
  const user = await createUser(prisma, municipalityId, {
    role,
    districtIds,
    ...(opts.partnerOrganisationId ? { partnerOrganisationId: opts.partnerOrganisationId } : {}),
  });
  if (opts.isBackup) await prisma.userDistrict.updateMany({ where: { userId: user.id }, data: { isBackup: true } });
  const res = await gql(app, LOGIN, { e: user.email, p: TEST_PASSWORD });
  const token = res.data?.login?.token as string | undefined;
  if (!token) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return { user, token };
}

export const REPORT = graphql(`mutation ReportSignal($input: ReportSignalInput!) {
  reportSignal(input: $input) { signal { id severity visibility district { id } } warnings { field term } }
}`);

export function reportInput(districtId: string, extra: Partial<ReportSignalInput> = {}): ReportSignalInput {
  return { districtId, kind: "TENSION", severity: "HIGH", summary: "Onrust bij het winkelcentrum", ...extra };
}

export const SIGNAL_FEED = graphql(`subscription SignalFeed($after: String) {
  signalFeed(after: $after) { cursor kind signalId signal { id summary visibility district { id } reporter { id } } }
}`);
export const MY_ALERTS = graphql(`subscription MyAlerts($after: String) {
  myAlerts(after: $after) { cursor kind alert { id reason escalationLevel signal { id summary reporter { id } } } acknowledged { id acknowledgeComment } }
}`);

export interface Collector<T = any> {
  /** Every event delivered, in order (after the client's de-duplication). */
  events: T[];
  /** Raw frames before de-duplication (to prove the server sends no duplicates). */
  raw: T[];
  errors: unknown[];
  client: ResumableWsClient;
  waitFor(count: number, timeoutMs: number): Promise<void>;
  /** Resolves once the server acknowledged the connection. */
  connected(timeoutMs?: number): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * A live subscriber as the web client runs it: graphql-ws with unlimited retries and
 * resume from the last cursor (packages/shared/src/ws-client.ts).
 */
export function collect<TResult, F extends keyof TResult & ("signalFeed" | "myAlerts")>(
  url: string | (() => string),
  token: string,
  query: TypedDocumentString<TResult, { after?: string | null }>,
  field: F,
  opts: { after?: string } = {},
): Collector<NonNullable<TResult[F]>> {
  const events: any[] = [];
  const raw: any[] = [];
  const errors: unknown[] = [];
  const toWs = (u: string) => `${u.replace(/^http/, "ws")}/graphql`;
  const client = createResumableWsClient({
    url: () => toWs(typeof url === "function" ? url() : url),
    getAuthorization: () => `Bearer ${token}`,
    webSocketImpl: WebSocket,
    retryBaseDelayMs: 100,
    retryMaxDelayMs: 500,
    keepAliveMs: 2_000,
    pongTimeoutMs: 2_000,
  });
  const sub = subscribeResumable<Record<string, any>>(
    client,
    {
      query: query.toString(),
      variables: opts.after ? { after: opts.after } : {},
      cursorVariable: "after",
      getCursor: (r) => {
        if (r.data?.[field]) raw.push(r.data[field]);
        return (r.data?.[field]?.cursor as string | undefined) ?? null;
      },
      dedupeWindow: 100_000,
    },
    {
      next: (r) => (r.errors ? errors.push(r.errors) : events.push(r.data![field])),
      error: (e) => errors.push(e),
      complete: () => undefined,
    },
  );
  return {
    events,
    raw,
    errors,
    client,
    async waitFor(count, timeoutMs) {
      const describe = () => `${events.length}/${count} events, errors ${JSON.stringify(errors)}`;
      await waitUntil(() => events.length >= count || errors.length > 0, { timeoutMs, message: describe });
      if (errors.length > 0) throw new Error(describe());
    },
    connected: async (timeoutMs = 5_000) => {
      await waitUntil(() => client.getStatus() === "connected", { timeoutMs, message: "the socket to connect" });
    },
    async dispose() {
      sub.dispose();
      await client.dispose();
    },
  };
}

export { waitUntil };

/** A subscription is registered on the server a moment after the socket connects. */
export async function settle(ms = 150): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}
