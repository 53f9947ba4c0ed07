// Fan-out benchmark: one signal to N subscribed WebSocket clients on one instance,
// against a plain `ws` broadcast of the same JSON, measured in the same run.
//
//   pnpm --filter @wijknet/server exec tsx bench/fanout.ts            (N = 1000 and 5000)
//   BENCH_N=1000 BENCH_SECONDS=3 pnpm --filter @wijknet/server exec tsx bench/fanout.ts
//
// The server (this process) and the subscribers (bench/fanout-clients.ts, a child
// process) are separate, so "server CPU" is this process's CPU only. Every run creates
// and drops its own database (BENCH_DATABASE_ADMIN_URL, default the local postgres).
// Prints a human table and, last, one JSON line with every figure.
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import pg from "pg";
import WebSocket, { WebSocketServer } from "ws";
import { startApp, type App } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { migrateDeploy } from "../src/db/migrate.js";
import { createLogger } from "../src/logger.js";
import { hashPassword } from "../src/modules/auth/password.js";

const ADMIN_URL = process.env["BENCH_DATABASE_ADMIN_URL"] ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SIZES = (process.env["BENCH_N"] ?? "1000,5000").split(",").map(Number);
const SECONDS = Number(process.env["BENCH_SECONDS"] ?? 5);
const DELIVERIES_PER_SECOND = Number(process.env["BENCH_RATE"] ?? 10_000);

setFlagsFromString("--expose_gc");
const gc = runInNewContext("gc") as () => void;
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const FEED = `subscription { signalFeed { cursor kind signalId signal { id kind severity status visibility summary place reportedAt district { id name } } } }`;

// ─── the subscriber process ───
const clients = fork(new URL("./fanout-clients.ts", import.meta.url).pathname, [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
const replies: Array<(msg: any) => void> = [];
clients.on("message", (msg) => replies.shift()?.(msg));
await new Promise<void>((resolve) => replies.push(() => resolve()));
function ask<T = any>(msg: object): Promise<T> {
  return new Promise((resolve, reject) => {
    replies.push((reply) => (reply.error ? reject(new Error(reply.error)) : resolve(reply)));
    clients.send(msg);
  });
}

// ─── database and server ───
const dbName = `wijknet_bench_${Date.now()}_${randomBytes(3).toString("hex")}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`CREATE DATABASE "${dbName}"`);
const dbUrl = new URL(ADMIN_URL);
dbUrl.pathname = `/${dbName}`;

let app: App | null = null;
try {
  await migrateDeploy(dbUrl.toString(), () => undefined);
  const config = loadConfig({ NODE_ENV: "test", PORT: "0", DATABASE_URL: dbUrl.toString(), LOG_LEVEL: "warn", SEED_DEMO: "never" });
  app = await startApp(config, createLogger(config));
  const prisma = app.db.prisma;
  const municipality = await prisma.municipality.create({ data: { code: `BENCH-${randomBytes(3).toString("hex")}`, name: "Bench" } });
  const district = await prisma.district.create({ data: { municipalityId: municipality.id, code: "noord", name: "Noord" } });
  const password = "bench bench bench";
  const user = await prisma.user.create({
    data: { municipalityId: municipality.id, email: `bench-${randomBytes(4).toString("hex")}@bench.example`, displayName: "Bench", passwordHash: await hashPassword(password), role: "COORDINATOR" },
  });
  const { token } = await app.services.auth.login(user.email, password, "bench");
  const viewer = (await app.services.auth.authenticate(token))!;
  const report = () =>
    app!.services.signals.report(viewer, { districtId: district.id, kind: "TENSION", severity: "LOW", summary: `bench ${now()}`, place: "Plein" }, "bench");

  // The exact frame our server sends, as the baseline's payload.
  const frame = await new Promise<string>((resolve, reject) => {
    const ws = new WebSocket(`${app!.url.replace("http", "ws")}/graphql`, "graphql-transport-ws");
    ws.on("open", () => ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } })));
    ws.on("message", (data) => {
      const text = data.toString();
      if (text.includes("connection_ack")) {
        ws.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: FEED } }));
        setTimeout(() => void report().catch(reject), 300);
      } else if (text.includes('"next"')) {
        ws.close();
        resolve(text);
      }
    });
    ws.on("error", reject);
  });

  const results: any[] = [];
  for (const n of SIZES) {
    const eventsPerSecond = DELIVERIES_PER_SECOND / n;
    const row: any = { n, eventsPerSecond, seconds: SECONDS, frameBytes: Buffer.byteLength(frame) };

    // ── baseline: plain ws broadcast of the same JSON ──
    const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    await once(wss, "listening");
    const port = (wss.address() as { port: number }).port;
    gc();
    let heap0 = process.memoryUsage().heapUsed;
    const plain = await ask({ cmd: "connect", mode: "plain", url: `ws://127.0.0.1:${port}`, n });
    await sleep(500);
    gc();
    row.plain = { connected: plain.connected, heapPerSubscriberBytes: (process.memoryUsage().heapUsed - heap0) / n };
    row.plain = { ...row.plain, ...(await measure(n, eventsPerSecond, () => {
      const msg = frame.replace(/"summary":"bench [0-9.]+"/, `"summary":"bench ${now()}"`);
      for (const c of wss.clients) c.send(msg);
    })) };
    await ask({ cmd: "close" });
    await new Promise<void>((r) => wss.close(() => r()));

    // ── wijknet: reportSignal → outbox → reader → fan-out over graphql-ws ──
    await sleep(500);
    gc();
    heap0 = process.memoryUsage().heapUsed;
    const live = await ask({ cmd: "connect", mode: "graphql", url: `${app.url.replace("http", "ws")}/graphql`, n, token, query: FEED });
    const deadline = Date.now() + 30_000;
    while (app.fanout.subscriberCount() < live.connected && Date.now() < deadline) await sleep(50);
    await sleep(500);
    gc();
    row.wijknet = { connected: live.connected, heapPerSubscriberBytes: (process.memoryUsage().heapUsed - heap0) / n };
    row.wijknet = { ...row.wijknet, ...(await measure(n, eventsPerSecond, () => void report())) };
    await ask({ cmd: "close" });
    await sleep(1_000);

    row.ratio = {
      cpuPerDelivery: row.wijknet.cpuPerDeliveryMicros / row.plain.cpuPerDeliveryMicros,
      p50: row.wijknet.p50Ms / row.plain.p50Ms,
      p99: row.wijknet.p99Ms / row.plain.p99Ms,
      heapPerSubscriber: row.wijknet.heapPerSubscriberBytes / row.plain.heapPerSubscriberBytes,
    };
    results.push(row);
  }

  printTable(results);
  console.log(JSON.stringify({ bench: "fanout", node: process.version, results }));
} finally {
  clients.kill();
  await app?.stop();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
  await admin.end();
}

/** Publishes at a steady rate for SECONDS, then drains; server CPU over the whole window. */
async function measure(n: number, eventsPerSecond: number, publish: () => void) {
  await ask({ cmd: "reset" });
  const events = Math.max(1, Math.round(eventsPerSecond * SECONDS));
  const interval = 1000 / eventsPerSecond;
  const cpu0 = process.cpuUsage();
  const t0 = now();
  for (let i = 0; i < events; i++) {
    const wait = t0 + i * interval - now();
    if (wait > 0) await sleep(wait);
    publish();
  }
  // Let the last event reach everyone (bounded).
  const expected = events * n;
  const drainUntil = Date.now() + 10_000;
  let rep = await ask({ cmd: "report" });
  while (rep.received < expected && Date.now() < drainUntil) {
    await sleep(100);
    rep = await ask({ cmd: "report" });
  }
  const cpu = process.cpuUsage(cpu0);
  const elapsed = (now() - t0) / 1000;
  const cpuMicros = cpu.user + cpu.system;
  return {
    events,
    expectedDeliveries: expected,
    deliveries: rep.received,
    deliveriesPerSecond: rep.received / elapsed,
    cpuPerDeliveryMicros: cpuMicros / Math.max(1, rep.received),
    cpuSeconds: cpuMicros / 1e6,
    p50Ms: rep.p50,
    p99Ms: rep.p99,
    maxMs: rep.max,
  };
}

function printTable(results: any[]) {
  const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "—");
  const lines = [
    "| N | path | deliveries | deliveries/s | CPU µs/delivery | p50 ms | p99 ms | heap/subscriber |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    for (const [name, m] of [["plain ws", r.plain], ["wijknet", r.wijknet]] as const) {
      lines.push(`| ${r.n} | ${name} | ${m.deliveries}/${m.expectedDeliveries} | ${f(m.deliveriesPerSecond, 0)} | ${f(m.cpuPerDeliveryMicros, 2)} | ${f(m.p50Ms)} | ${f(m.p99Ms)} | ${f(m.heapPerSubscriberBytes / 1024, 1)} KB |`);
    }
    lines.push(`| ${r.n} | **ratio** | | | **${f(r.ratio.cpuPerDelivery, 2)}×** | ${f(r.ratio.p50, 2)}× | **${f(r.ratio.p99, 2)}×** | ${f(r.ratio.heapPerSubscriber, 2)}× |`);
  }
  console.log(lines.join("\n"));
}
