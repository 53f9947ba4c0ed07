import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import type { App } from "../src/app.js";
import { gql, startTestApp } from "./support/app.js";
import { createMunicipality } from "./support/factories.js";
import { collect, loggedIn, MY_ALERTS, REPORT, reportInput, SIGNAL_FEED, waitUntil, type Collector } from "./support/live.js";
import { ChildServer, freePort, TestRedis } from "./support/procs.js";

/**
 * Test 3. Instance X runs in its own process so it can be `kill -9`ed mid-burst; its
 * clients fail over to instance Y (the URL function plays the load balancer) and
 * resume from their last cursor.
 */
let redis: TestRedis;
let x: ChildServer;
let y: App;

beforeAll(async () => {
  redis = new TestRedis(await freePort());
  await redis.start();
  const redisUrl = `redis://127.0.0.1:${redis.port}`;
  x = new ChildServer({
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_URL: inject("databaseUrl"),
    REDIS_URL: redisUrl,
    LOG_LEVEL: "warn",
    SEED_DEMO: "never",
    DB_POOL_MAX: "4",
    INSTANCE_ID: "crash-test-x",
    RATE_LIMIT_LOGIN_PER_ADDRESS: "1000000",
    RATE_LIMIT_SIGNAL_REPORTS_PER_HOUR: "1000000",
  });
  [y] = await Promise.all([startTestApp({ REDIS_URL: redisUrl }), x.start()]);
});

afterAll(async () => {
  await x?.kill();
  await y?.stop();
  await redis?.kill();
});

const TOTAL = 150;
const KILL_AFTER = 50;

describe("test 3: instance crash", () => {
  it("kill -9 of one instance mid-burst: its clients reconnect to the other and end with every alert, in order", {
    timeout: 120_000,
  }, async () => {
    const { municipality, districts } = await createMunicipality(y.db.prisma);
    const d = districts[0]!.id;
    const coord = await loggedIn(y, y.db.prisma, municipality.id, "COORDINATOR");
    const liaisons = await Promise.all([0, 1, 2].map(() => loggedIn(y, y.db.prisma, municipality.id, "POLICE_LIAISON", [d])));
    // The "load balancer": X while it lives, then Y.
    const balance = () => (x.alive() ? x.url : y.url);
    const alertSubs: Collector[] = [
      collect(balance, liaisons[0]!.token, MY_ALERTS, "myAlerts"),
      collect(balance, liaisons[1]!.token, MY_ALERTS, "myAlerts"),
      collect(y.url, liaisons[2]!.token, MY_ALERTS, "myAlerts"),
    ];
    const feed = collect(balance, coord.token, SIGNAL_FEED, "signalFeed");
    const all = [...alertSubs, feed];
    try {
      await Promise.all(all.map((s) => s.connected()));
      await waitUntil(() => y.fanout.subscriberCount() >= 1, { timeoutMs: 5_000 });
      // Subscriptions on X are registered a moment after the socket connects.
      await new Promise((r) => setTimeout(r, 500));

      for (let i = 0; i < TOTAL; i++) {
        if (i === KILL_AFTER) void x.kill("SIGKILL");
        const input = reportInput(d, { summary: `Situatie ${i}`, visibility: "SHARED_WITH_POLICE", severity: "LOW" });
        for (let attempt = 0; ; attempt++) {
          const target = i % 2 === 0 && x.alive() ? { url: x.url } : y;
          try {
            const res = await gql(target, REPORT, { input }, coord.token);
            if (res.errors) throw new Error(JSON.stringify(res.errors));
            break;
          } catch (err) {
            if (attempt > 3) throw err;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      }
      expect(x.alive()).toBe(false);

      // The truth is PostgreSQL: every alert event written for each liaison, in seq order.
      for (const [n, sub] of alertSubs.entries()) {
        const events = await y.db.prisma.event.findMany({
          where: { topic: "alert", userId: liaisons[n]!.user.id },
          orderBy: { seq: "asc" },
          select: { entityId: true },
        });
        expect(events.length).toBeGreaterThanOrEqual(TOTAL);
        await sub.waitFor(events.length, 20_000);
        await new Promise((r) => setTimeout(r, 300));
        expect(sub.events.map((e) => e.alert.id)).toEqual(events.map((e) => e.entityId));
      }
      const signals = await y.db.prisma.event.findMany({
        where: { topic: "signal", municipalityId: municipality.id },
        orderBy: { seq: "asc" },
        select: { entityId: true },
      });
      await feed.waitFor(signals.length, 10_000);
      expect(feed.events.map((e) => e.signalId)).toEqual(signals.map((e) => e.entityId));
      // The clients that were on X did reconnect (to Y).
      expect(alertSubs[0]!.client.getConnectionCount()).toBeGreaterThanOrEqual(2);
    } finally {
      await Promise.all(all.map((s) => s.dispose()));
    }
  });
});
