import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { startTestApp } from "./support/app.js";
import { createMunicipality } from "./support/factories.js";
import { collect, loggedIn, MY_ALERTS, reportInput, SIGNAL_FEED, waitUntil, type Collector } from "./support/live.js";
import { freePort, TcpGate, TestRedis } from "./support/procs.js";

/**
 * Test 2. Two pairs of instances (publisher A, subscriber B) on one PostgreSQL and the
 * test's own Redis. Each instance reaches Redis through its own gate, so after the
 * outage the test decides the order: in pair 1 the subscriber's instance reconnects
 * first, in pair 2 the publisher's does. 300 signals per pair at a steady rate; Redis
 * is killed for 10 s in the middle.
 */
const TOTAL = 300;
const PERIOD_MS = 50; // 20 signals/s → 15 s
const OUTAGE_AT_MS = 3_000;
const OUTAGE_MS = 10_000;

let redis: TestRedis;
const gates: TcpGate[] = [];
const apps: App[] = [];

beforeAll(async () => {
  redis = new TestRedis(await freePort());
  await redis.start();
  for (let i = 0; i < 4; i++) {
    const gate = new TcpGate(redis.port);
    await gate.start();
    gates.push(gate);
  }
  apps.push(...(await Promise.all(gates.map((g) => startTestApp({ REDIS_URL: `redis://127.0.0.1:${g.port}`, DB_POOL_MAX: "4" })))));
});

afterAll(async () => {
  await Promise.all(apps.map((a) => a.stop()));
  await Promise.all(gates.map((g) => g.stop()));
  await redis?.kill();
});

/** Reports through the publisher instance's service (the HTTP path is covered by tests 1, 3 and 5). */
async function publish(app: App, token: string, districtId: string, ids: string[]) {
  const viewer = (await app.services.auth.authenticate(token))!;
  const started = Date.now();
  for (let i = 0; i < TOTAL; i++) {
    const wait = started + i * PERIOD_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const input = reportInput(districtId, { summary: `Situatie ${i}`, visibility: "SHARED_WITH_POLICE" });
    const { signal } = await app.services.signals.report(viewer, input as Parameters<App["services"]["signals"]["report"]>[1], "publisher");
    ids.push(signal.id);
  }
}

describe("test 2: Redis outage", () => {
  // ≈ 30 s on an idle 2-core machine (15 s of publishing, 10 s of it without Redis); the bound
  // leaves room for a loaded CI host running other files alongside.
  it("every subscriber ends with all 300, in order, none twice, whichever instance reconnects first", { timeout: 180_000 }, async () => {
    const [a1, b1, a2, b2] = apps as [App, App, App, App];
    const [ga1, gb1, ga2, gb2] = gates as [TcpGate, TcpGate, TcpGate, TcpGate];
    const pairs = await Promise.all(
      [
        [a1, b1],
        [a2, b2],
      ].map(async ([pub, subApp]) => {
        const { municipality, districts } = await createMunicipality(pub!.db.prisma);
        const coord = await loggedIn(pub!, pub!.db.prisma, municipality.id, "COORDINATOR");
        const liaison = await loggedIn(pub!, pub!.db.prisma, municipality.id, "POLICE_LIAISON", [districts[0]!.id]);
        const subs: Collector[] = [
          collect(subApp!.url, coord.token, SIGNAL_FEED, "signalFeed"),
          collect(subApp!.url, liaison.token, SIGNAL_FEED, "signalFeed"),
          collect(subApp!.url, liaison.token, MY_ALERTS, "myAlerts"),
        ];
        return { pub: pub!, subApp: subApp!, coord, district: districts[0]!.id, subs, ids: [] as string[] };
      }),
    );
    try {
      await Promise.all(pairs.flatMap((p) => p.subs.map((s) => s.connected())));
      await waitUntil(() => b1.fanout.subscriberCount() >= 3 && b2.fanout.subscriberCount() >= 3, { timeoutMs: 5_000 });

      const delivered = () => pairs.map((p) => p.subs.map((s) => s.events.length));
      let atOutageStart: number[][] = [];
      let atOutageEnd: number[][] = [];
      let publishedBeforeEnd: number[] = [];
      const outage = (async () => {
        await new Promise((r) => setTimeout(r, OUTAGE_AT_MS));
        for (const g of gates) g.disable();
        await redis.kill();
        atOutageStart = delivered();
        await new Promise((r) => setTimeout(r, OUTAGE_MS - 3_000));
        publishedBeforeEnd = pairs.map((p) => p.ids.length);
        await new Promise((r) => setTimeout(r, 3_000));
        atOutageEnd = delivered();
        await redis.start();
        // Pair 1: subscriber's instance first. Pair 2: publisher's instance first.
        gb1.enable();
        ga2.enable();
        await new Promise((r) => setTimeout(r, 2_000));
        ga1.enable();
        gb2.enable();
      })();
      await Promise.all([...pairs.map((p) => publish(p.pub, p.coord.token, p.district, p.ids)), outage]);

      for (const p of pairs) {
        for (const s of p.subs) await s.waitFor(TOTAL, 15_000);
      }
      await new Promise((r) => setTimeout(r, 500));
      for (const p of pairs) {
        const [coordFeed, liaisonFeed, liaisonAlerts] = p.subs as [Collector, Collector, Collector];
        for (const feed of [coordFeed, liaisonFeed]) {
          expect(feed.raw.length).toBe(TOTAL); // none twice from the server
          expect(feed.events.map((e) => e.signalId)).toEqual(p.ids); // all, in order
        }
        expect(liaisonAlerts.raw.length).toBe(TOTAL);
        expect(liaisonAlerts.events.map((e) => e.alert.signal.id)).toEqual(p.ids);
      }
      // While Redis was down, every subscriber kept receiving (instances polled the outbox):
      // by the end of the outage it had what was published up to 3 s before.
      for (let p = 0; p < pairs.length; p++) {
        expect(publishedBeforeEnd[p]!).toBeGreaterThan(atOutageStart[p]![0]!);
        for (let s = 0; s < 3; s++) expect(atOutageEnd[p]![s]!).toBeGreaterThanOrEqual(publishedBeforeEnd[p]!);
      }
      // And every doorbell is back (ioredis retries at most 1 s apart).
      let healthy: boolean[] = [];
      for (let i = 0; (i < 30 && !healthy.every(Boolean)) || healthy.length === 0; i++) {
        healthy = await Promise.all(apps.map((x) => x.doorbell.isHealthy()));
        if (!healthy.every(Boolean)) await new Promise((r) => setTimeout(r, 100));
      }
      expect(healthy).toEqual([true, true, true, true]);
    } finally {
      await Promise.all(pairs.flatMap((p) => p.subs.map((s) => s.dispose())));
    }
  });
});
