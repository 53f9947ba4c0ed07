/**
 * Query limits on both paths (HTTP through Apollo, WebSocket through graphql-ws) and
 * the login rate limits (shared through Redis, in memory without it).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import WebSocket from "ws";
import { QUERY_LIMITS } from "../src/graphql/limits.js";
import { WS_LIMITS } from "../src/graphql/ws.js";
import { errorCode, gql, startTestApp, wsConnect, type WsConnection } from "./support/app.js";
import { createMunicipality, createUser, TEST_PASSWORD } from "./support/factories.js";
import { createWorld, type World } from "./support/world.js";

let app: App;
let w: World;
beforeAll(async () => {
  // The login limits as deployed (startTestApp lifts them: every test logs in from 127.0.0.1).
  app = await startTestApp({ RATE_LIMIT_LOGIN_PER_ACCOUNT_ADDRESS: "5" });
  w = await createWorld(app);
});
afterAll(async () => {
  await app?.stop();
});

const nested = (depth: number) => {
  // contact → memberships → network → members → contact → … : a real cycle in the schema.
  let inner = "id";
  for (let i = 0; i < depth; i++)
    inner = i % 2 === 0 ? `memberships { network { members { contact { ${inner} } } } }` : `memberships { id contact { ${inner} } }`;
  return `{ myContact { ${inner} } }`;
};

const abusive: Record<string, string> = {
  depth: nested(6),
  aliases: `{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: districts { id }`).join(" ")} }`,
  directives: `{ districts { ${Array.from({ length: QUERY_LIMITS.maxDirectives + 1 }, () => "id @include(if: true)").join(" ")} } }`,
  cost: `{ contacts(first: 100) { edges { node { memberships { network { members { contact { roles { organisation { name } } districts { name } } } } } } } } }`,
};

function wsResult(
  conn: WsConnection,
  query: string,
): Promise<{ errors?: readonly { message: string; extensions?: Record<string, unknown> }[]; closed?: number }> {
  return new Promise((resolve) => {
    conn.closed.then((code) => resolve({ closed: code }));
    conn.client.subscribe(
      { query },
      {
        next: (v) => resolve(v as never),
        error: (e) => resolve(Array.isArray(e) ? { errors: e } : { errors: [{ message: String((e as Error)?.message ?? e) }] }),
        complete: () => undefined,
      },
    );
  });
}

describe("query limits", () => {
  for (const [limit, query] of Object.entries(abusive)) {
    it(`refuses a document over the ${limit} limit on HTTP and on WebSocket, before running it`, async () => {
      const http = await gql(app, query, {}, w.tokens.coordinator);
      expect(http.status).toBe(400);
      expect(errorCode(http)).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(http.errors!.map((e) => e.message).join(" ")).toMatch(/too (deeply|many|much)/);

      const conn = wsConnect(app, w.tokens.coordinator);
      const res = await wsResult(conn, query);
      expect(res.errors?.map((e) => e.message).join(" ")).toMatch(/too (deeply|many|much)/);
      await conn.client.dispose();
    });
  }

  it("refuses a document with too many tokens on both paths", async () => {
    const query = `{ districts { ${"id ".repeat(QUERY_LIMITS.maxTokens)} } }`;
    const http = await gql(app, query, {}, w.tokens.coordinator);
    expect(http.status).toBe(400);
    expect(http.errors![0]!.message).toMatch(/more th\w+ \d+ tokens/i);
    const conn = wsConnect(app, w.tokens.coordinator);
    const res = await wsResult(conn, query);
    // Only the operation fails; the socket stays usable.
    expect(res.errors?.[0]?.message).toMatch(/more th\w+ \d+ tokens/i);
    const after = await wsResult(conn, "{ districts { id } }");
    expect((after as { data?: { districts: unknown[] } }).data?.districts.length).toBe(3);
    await conn.client.dispose();
  });

  it("accepts the web app's heaviest real query", async () => {
    const res = await gql(
      app,
      `{ contacts(first: 25) { edges { node { id roles { organisation { name } } districts { name }
      memberships { network { name memberCount district { name } } } consents { purpose } interactions(first: 10) { kind author { displayName } } } } } }`,
      {},
      w.tokens.coordinator,
    );
    expect(res.errors).toBeUndefined();
  });

  it("masks unexpected resolver errors on WebSocket as on HTTP", async () => {
    // A contact id that passes the id check but whose loader fails is hard to provoke;
    // a forged cursor is an expected error and must keep its code on both paths.
    const q = `{ contacts(after: "AAAA") { totalCount } }`;
    const conn = wsConnect(app, w.tokens.coordinator);
    const res = await wsResult(conn, q);
    expect(res.errors![0]!.extensions!["code"]).toBe("BAD_USER_INPUT");
    await conn.client.dispose();
  });
});

describe("WebSocket limits", () => {
  it("refuses an 11th simultaneous socket of one account (1008), others are unaffected", async () => {
    const { municipality } = await createMunicipality(app.db.prisma);
    const user = await createUser(app.db.prisma, municipality.id);
    const token = (
      await gql(app, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: user.email, p: TEST_PASSWORD })
    ).data!.login.token;
    const open: WsConnection[] = [];
    for (let i = 0; i < WS_LIMITS.socketsPerUser; i++) {
      const conn = wsConnect(app, token);
      open.push(conn);
      const r = await wsResult(conn, "{ viewer { id } }");
      expect((r as { data?: unknown }).data).toEqual({ viewer: { id: user.id } });
    }
    const extra = wsConnect(app, token);
    expect(await Promise.race([extra.closed, new Promise((r) => setTimeout(() => r("still open"), 5_000))])).toBe(1008);
    const other = wsConnect(app, w.tokens.coordinator);
    expect(((await wsResult(other, "{ viewer { id } }")) as { data?: unknown }).data).toEqual({ viewer: { id: w.users.coordinator.id } });
    await Promise.all([...open, extra, other].map((c) => c.client.dispose()));
  });

  it("closes a socket that floods messages (1008)", async () => {
    const socket = new WebSocket(`${app.url.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws");
    const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
    await new Promise((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${w.tokens.coordinator}` } }));
    for (let i = 0; i < WS_LIMITS.messagesPerWindow + 50 && socket.readyState === WebSocket.OPEN; i++)
      socket.send(JSON.stringify({ type: "ping" }));
    expect(await Promise.race([closed, new Promise((r) => setTimeout(() => r("still open"), 5_000))])).toBe(1008);
  });
});

describe("login rate limits", () => {
  const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
  const login = (target: App, email: string, password: string, address?: string) =>
    fetch(`${target.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(address ? { "x-forwarded-for": address } : {}) },
      body: JSON.stringify({ query: LOGIN, variables: { e: email, p: password } }),
    }).then(
      async (r) =>
        ({ status: r.status, ...((await r.json()) as object) }) as {
          status: number;
          errors?: Array<{ extensions: Record<string, unknown> }>;
        },
    );

  it("wrong passwords back off the guessing address, never the owner's; an account-wide ceiling stops spread guessing", async () => {
    // Two instances behind a trusted proxy (addresses from X-Forwarded-For), one Redis: counts are shared.
    const env = { TRUST_PROXY: "true", RATE_LIMIT_LOGIN_PER_ACCOUNT: "12", RATE_LIMIT_LOGIN_PER_ACCOUNT_ADDRESS: "5" };
    const [one, two] = await Promise.all([startTestApp(env), startTestApp(env)]);
    try {
      const { municipality } = await createMunicipality(one.db.prisma);
      const user = await createUser(one.db.prisma, municipality.id);
      const attacker = `198.51.100.${1 + Math.floor(Math.random() * 200)}`;
      const owner = "203.0.113.9";
      const code = (r: { errors?: Array<{ extensions: Record<string, unknown> }> }) => r.errors?.[0]?.extensions["code"] ?? "OK";
      const codes: unknown[] = [];
      for (let i = 0; i < 5; i++) codes.push(code(await login(i % 2 ? one : two, user.email, "wrong", attacker)));
      expect(codes).toEqual(Array(5).fill("UNAUTHENTICATED"));
      // The sixth try from that address waits, even with the right password…
      const backedOff = await login(one, user.email, TEST_PASSWORD, attacker);
      expect(backedOff.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
      // …while the owner, from their own address, gets in.
      expect(code(await login(two, user.email, TEST_PASSWORD, owner))).toBe("OK");

      // Guessing spread over many addresses meets the account-wide ceiling (12 here).
      const spread: unknown[] = [];
      for (let i = 0; i < 13; i++) spread.push(code(await login(i % 2 ? one : two, user.email, "wrong", `192.0.2.${10 + i}`)));
      expect(spread.slice(0, 12)).toEqual(Array(12).fill("UNAUTHENTICATED"));
      expect(spread[12]).toBe("RATE_LIMITED");

      // An unknown account is limited the same way (no account enumeration through the limiter).
      const ghost = `ghost-${randomBytes(4).toString("hex")}@test.example`;
      for (let i = 0; i < 5; i++) await login(two, ghost, "wrong", attacker);
      expect(code(await login(two, ghost, "wrong", attacker))).toBe("RATE_LIMITED");
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  });

  it("a failed login takes as long for an unknown account as for a real one (no significant difference over many tries)", async () => {
    const relaxed = await startTestApp({ RATE_LIMIT_LOGIN_PER_ACCOUNT_ADDRESS: "100000", RATE_LIMIT_LOGIN_PER_ACCOUNT: "100000" });
    try {
      const { municipality } = await createMunicipality(relaxed.db.prisma);
      const user = await createUser(relaxed.db.prisma, municipality.id);
      const ghost = `ghost-${randomBytes(4).toString("hex")}@test.example`;
      const timed = async (email: string) => {
        const started = performance.now();
        const r = await login(relaxed, email, "not the password");
        expect(r.errors?.[0]?.extensions["code"]).toBe("UNAUTHENTICATED");
        return performance.now() - started;
      };
      await timed(user.email); // warm-up
      await timed(ghost);
      const known: number[] = [];
      const unknown: number[] = [];
      // Alternating, so drift of a busy host falls on both alike.
      for (let i = 0; i < 30; i++) {
        if (i % 2) {
          known.push(await timed(user.email));
          unknown.push(await timed(ghost));
        } else {
          unknown.push(await timed(ghost));
          known.push(await timed(user.email));
        }
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const variance = (xs: number[]) => xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / (xs.length - 1);
      // Welch's t: |t| under 3.5 is no significant difference at any usual level (30 + 30 tries).
      const t = (mean(known) - mean(unknown)) / Math.sqrt(variance(known) / known.length + variance(unknown) / unknown.length);
      console.log(`login timing: known ${mean(known).toFixed(1)} ms, unknown ${mean(unknown).toFixed(1)} ms, Welch t = ${t.toFixed(2)}`);
      expect(Math.abs(t)).toBeLessThan(3.5);
      // Both are audited alike: the unknown one without municipality or entity (nor the address typed).
      const unknownRows = await relaxed.db.prisma.auditEntry.findMany({
        where: { action: "LOGIN_FAILED", entityId: null, requestId: { not: null } },
      });
      expect(unknownRows.length).toBeGreaterThanOrEqual(31);
      expect(JSON.stringify(unknownRows, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(ghost);
    } finally {
      await relaxed.stop();
    }
  });

  it("limits attempts per address over all accounts (behind a trusted proxy), in memory without Redis", async () => {
    const limited = await startTestApp({ TRUST_PROXY: "true", RATE_LIMIT_LOGIN_PER_ADDRESS: "5", REDIS_URL: "" });
    try {
      expect(limited.doorbell.kind).toBe("in-process");
      const address = `198.51.100.${Math.floor(Math.random() * 250)}`;
      const codes: unknown[] = [];
      for (let i = 0; i < 6; i++)
        codes.push((await login(limited, `someone${i}@test.example`, "wrong", address)).errors?.[0]?.extensions["code"]);
      expect(codes).toEqual([
        "UNAUTHENTICATED",
        "UNAUTHENTICATED",
        "UNAUTHENTICATED",
        "UNAUTHENTICATED",
        "UNAUTHENTICATED",
        "RATE_LIMITED",
      ]);
      const other = await login(limited, "someone@test.example", "wrong", "203.0.113.7");
      expect(other.errors?.[0]?.extensions["code"]).toBe("UNAUTHENTICATED");
    } finally {
      await limited.stop();
    }
  });

  it("a successful login resets the account's count", async () => {
    const { municipality } = await createMunicipality(app.db.prisma);
    const user = await createUser(app.db.prisma, municipality.id);
    // 4 wrong and 1 right is 5 tries a round: the address's limit a minute (5) holds only if each success resets it.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) await login(app, user.email, "wrong");
      const ok = await login(app, user.email, TEST_PASSWORD);
      expect(ok.errors).toBeUndefined();
    }
  });
});

describe("signal report rate limit", () => {
  it("refuses the 4th report within the hour with RATE_LIMITED, per account", async () => {
    const limited = await startTestApp({ RATE_LIMIT_SIGNAL_REPORTS_PER_HOUR: "3" });
    try {
      const world = await createWorld(limited);
      const REPORT = `mutation($i: ReportSignalInput!) { reportSignal(input: $i) { signal { id } } }`;
      const input = { districtId: world.districts[0]!.id, kind: "TENSION", severity: "LOW", summary: "Onrust op het plein" };
      const codes: unknown[] = [];
      for (let i = 0; i < 4; i++) codes.push(errorCode(await gql(limited, REPORT, { i: input }, world.tokens.ally)) ?? "OK");
      expect(codes).toEqual(["OK", "OK", "OK", "RATE_LIMITED"]);
      // Another account is not affected, and nothing was written for the refused one.
      expect(errorCode(await gql(limited, REPORT, { i: input }, world.tokens.coordinator)) ?? "OK").toBe("OK");
      expect(await limited.db.prisma.signal.count({ where: { municipalityId: world.municipality.id } })).toBe(4);
    } finally {
      await limited.stop();
    }
  });
});
