/**
 * A logout must end the session's sockets on every instance, also while Redis (which carries
 * the revocation ring between instances) is down: then each instance re-checks its sockets'
 * sessions every second instead of every 30 s, and once more when Redis is back.
 * Two instances, each reaching the test's own Redis through its own gate.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { gql, startTestApp, wsConnect, wsQuery } from "./support/app.js";
import { createMunicipality } from "./support/factories.js";
import { loggedIn, waitUntil } from "./support/live.js";
import { freePort, TcpGate, TestRedis } from "./support/procs.js";
import { graphql } from "./generated/index.js";

const LOGOUT = graphql(`mutation RevocationLogout { logout }`);
const VIEWER = graphql(`query RevocationViewer { viewer { id } }`);

let redis: TestRedis;
const gates: TcpGate[] = [];
let a: App;
let b: App;

beforeAll(async () => {
  redis = new TestRedis(await freePort());
  await redis.start();
  for (let i = 0; i < 2; i++) {
    const gate = new TcpGate(redis.port);
    await gate.start();
    gates.push(gate);
  }
  [a, b] = (await Promise.all(gates.map((g) => startTestApp({ REDIS_URL: `redis://127.0.0.1:${g.port}` })))) as [App, App];
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await Promise.all(gates.map((g) => g.stop()));
  await redis?.kill();
});

/** How long a socket took to close after `since`, or "still open" after `limitMs`. */
async function closedWithin(closed: Promise<number>, since: number, limitMs: number) {
  const outcome = await Promise.race([
    closed.then((code) => ({ code, ms: Date.now() - since })),
    new Promise<"still open">((r) => setTimeout(() => r("still open"), limitMs)),
  ]);
  return outcome;
}

describe("session revocation while Redis is down", () => {
  it("a logout on one instance ends the session on the other (sockets within about a second, HTTP at once), and again once Redis is back", async () => {
    const { municipality } = await createMunicipality(a.db.prisma);
    const first = await loggedIn(a, a.db.prisma, municipality.id, "COORDINATOR");
    const second = await loggedIn(a, a.db.prisma, municipality.id, "COORDINATOR");
    const s1 = wsConnect(b, first.token);
    const s2 = wsConnect(b, second.token);
    try {
      expect((await wsQuery(s1.client, VIEWER)).data).toEqual({ viewer: { id: first.user.id } });
      expect((await wsQuery(s2.client, VIEWER)).data).toEqual({ viewer: { id: second.user.id } });
      // B has resolved (and cached) both sessions for HTTP too.
      for (const t of [first, second]) expect((await gql(b, VIEWER, {}, t.token)).data).toEqual({ viewer: { id: t.user.id } });

      for (const g of gates) g.disable();
      await waitUntil(() => !a.doorbell.connected && !b.doorbell.connected, { timeoutMs: 5_000 });
      const t1 = Date.now();
      expect((await gql(a, LOGOUT, {}, first.token)).data).toEqual({ logout: true });
      // Over HTTP at once: while the doorbell is down B serves no session from its cache.
      expect((await gql(b, VIEWER, {}, first.token)).data).toEqual({ viewer: null });
      // The re-check runs every second; the bound leaves room for a loaded CI host.
      const out1 = await closedWithin(s1.closed, t1, 3_000);
      expect(out1).toMatchObject({ code: 4403 });
      // The other session is untouched.
      expect((await wsQuery(s2.client, VIEWER)).data).toEqual({ viewer: { id: second.user.id } });

      for (const g of gates) g.enable();
      await waitUntil(() => a.doorbell.connected && b.doorbell.connected, { timeoutMs: 10_000 });
      const t2 = Date.now();
      expect((await gql(a, LOGOUT, {}, second.token)).data).toEqual({ logout: true });
      // Redis is back: the revocation ring closes it at once (4401, "Session revoked").
      expect(await closedWithin(s2.closed, t2, 3_000)).toMatchObject({ code: 4401 });
      // …and evicts B's cached session: HTTP refuses the token too.
      expect((await gql(b, VIEWER, {}, second.token)).data).toEqual({ viewer: null });
    } finally {
      await Promise.all([s1.client.dispose(), s2.client.dispose()]);
    }
  });
});
