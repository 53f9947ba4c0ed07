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
import { once } from "node:events";
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import pg from "pg";
import WebSocket, { WebSocketServer } from "ws";
import { OUTBOX_LOCK_KEY } from "../src/platform/realtime/outbox.js";
import { startOwnInstance } from "./own-instance.js";

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
const own = await startOwnInstance("wijknet_bench");
try {
  const { app, token, viewer, districtId } = own;
  const prisma = app.db.prisma;
  const district = { id: districtId };
  const municipality = { id: own.municipalityId };
  const dbUrl = own.databaseUrl;
  const report = () =>
    app.services.signals.report(
      viewer,
      { districtId: district.id, kind: "TENSION", severity: "LOW", summary: `bench ${now()}`, place: "Plein" },
      "bench",
    );

  // The exact frame our server sends, as the baseline's payload.
  const frame = await new Promise<string>((resolve, reject) => {
    const ws = new WebSocket(`${app.url.replace("http", "ws")}/graphql`, "graphql-transport-ws");
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

  // How events are produced. "fanout" (default): as if another instance committed a
  // signal — an Event row (with the advisory lock, like appendEvents) written over a
  // plain pg connection, then the doorbell — so the figures are this instance's
  // fan-out cost. "e2e": reportSignal on this same instance (adds the mutation's cost).
  const MODE = process.env["BENCH_MODE"] ?? "fanout";
  const snapshot = (await prisma.signal.findFirstOrThrow({ where: { municipalityId: municipality.id } })) as Record<string, unknown>;
  const writer = new pg.Client({ connectionString: dbUrl.toString() });
  await writer.connect();
  const writeEvent = async () => {
    const payload = JSON.stringify({ signal: { ...snapshot, summary: `bench ${now()}` }, before: null });
    await writer.query("BEGIN");
    await writer.query(`SELECT pg_advisory_xact_lock(${OUTBOX_LOCK_KEY})`);
    await writer.query(
      `INSERT INTO "Event" ("municipalityId", topic, type, "districtId", "entityId", payload) VALUES ($1, 'signal', 'SIGNAL_UPDATED', $2, $3, $4)`,
      [municipality.id, district.id, snapshot["id"], payload],
    );
    await writer.query("COMMIT");
    app.outbox.announce();
  };
  const publishWijknet = MODE === "e2e" ? () => void report() : () => void writeEvent();
  const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 3);
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const combine = (runs: any[]) => {
    const out: any = { rounds: runs.length };
    for (const k of Object.keys(runs[0])) out[k] = typeof runs[0][k] === "number" ? median(runs.map((r) => r[k])) : runs[0][k];
    return out;
  };

  const results: any[] = [];
  for (const n of SIZES) {
    const eventsPerSecond = DELIVERIES_PER_SECOND / n;
    const row: any = { n, mode: MODE, eventsPerSecond, seconds: SECONDS, frameBytes: Buffer.byteLength(frame) };

    // Both populations stay connected; rounds alternate plain and wijknet so that
    // noise from other work on the machine hits both alike; medians are reported.
    const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    await once(wss, "listening");
    const port = (wss.address() as { port: number }).port;
    await sleep(300);
    gc();
    let heap0 = process.memoryUsage().heapUsed;
    const plain = await ask({ cmd: "connect", mode: "plain", url: `ws://127.0.0.1:${port}`, n });
    await sleep(500);
    gc();
    const plainHeap = (process.memoryUsage().heapUsed - heap0) / n;
    heap0 = process.memoryUsage().heapUsed;
    const live = await ask({ cmd: "connect", mode: "graphql", url: `${app.url.replace("http", "ws")}/graphql`, n, token, query: FEED });
    const deadline = Date.now() + 30_000;
    while (app.fanout.subscriberCount() < live.connected && Date.now() < deadline) await sleep(50);
    await sleep(500);
    gc();
    const liveHeap = (process.memoryUsage().heapUsed - heap0) / n;

    const plainRuns: any[] = [];
    const liveRuns: any[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const plainProfiler = process.env["BENCH_PROFILE"] && round === 0 ? await startProfiler() : null;
      plainRuns.push(
        await measure(n, eventsPerSecond, () => {
          const msg = frame.replace(/"summary":"bench [0-9.]+"/, `"summary":"bench ${now()}"`);
          for (const c of wss.clients) c.send(msg);
        }),
      );
      if (plainProfiler) await plainProfiler.stop(`fanout-plain-${n}.cpuprofile`);
      await sleep(300);
      const profiler = process.env["BENCH_PROFILE"] && round === 0 ? await startProfiler() : null;
      liveRuns.push(await measure(n, eventsPerSecond, publishWijknet));
      if (profiler) await profiler.stop(`fanout-${n}.cpuprofile`);
      await sleep(300);
    }
    row.plain = { connected: plain.connected, heapPerSubscriberBytes: plainHeap, ...combine(plainRuns) };
    row.wijknet = { connected: live.connected, heapPerSubscriberBytes: liveHeap, ...combine(liveRuns) };
    await ask({ cmd: "close" });
    await new Promise<void>((r) => wss.close(() => r()));
    await sleep(1_000);

    row.ratio = {
      cpuPerDelivery: row.wijknet.cpuPerDeliveryMicros / row.plain.cpuPerDeliveryMicros,
      p50: row.wijknet.p50Ms / row.plain.p50Ms,
      p99: row.wijknet.p99Ms / row.plain.p99Ms,
      heapPerSubscriber: row.wijknet.heapPerSubscriberBytes / row.plain.heapPerSubscriberBytes,
    };
    results.push(row);
  }
  await writer.end();

  printTable(results);
  console.log(JSON.stringify({ bench: "fanout", node: process.version, results }));
} finally {
  clients.kill();
  await own.close();
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
  if (process.env["BENCH_VERBOSE"]) console.error(`user ${(cpu.user / 1e3).toFixed(0)} ms, system ${(cpu.system / 1e3).toFixed(0)} ms`);
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

/** BENCH_PROFILE=1: a V8 CPU profile of the wijknet phase (open in Chrome DevTools). */
async function startProfiler() {
  const { Session } = await import("node:inspector/promises");
  const { writeFile } = await import("node:fs/promises");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    async stop(file: string) {
      const { profile } = await session.post("Profiler.stop");
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

function printTable(results: any[]) {
  const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "—");
  const lines = [
    "| N | path | deliveries | deliveries/s | CPU µs/delivery | p50 ms | p99 ms | heap/subscriber |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    for (const [name, m] of [
      ["plain ws", r.plain],
      ["wijknet", r.wijknet],
    ] as const) {
      lines.push(
        `| ${r.n} | ${name} | ${m.deliveries}/${m.expectedDeliveries} | ${f(m.deliveriesPerSecond, 0)} | ${f(m.cpuPerDeliveryMicros, 2)} | ${f(m.p50Ms)} | ${f(m.p99Ms)} | ${f(m.heapPerSubscriberBytes / 1024, 1)} KB |`,
      );
    }
    lines.push(
      `| ${r.n} | **ratio** | | | **${f(r.ratio.cpuPerDelivery, 2)}×** | ${f(r.ratio.p50, 2)}× | **${f(r.ratio.p99, 2)}×** | ${f(r.ratio.heapPerSubscriber, 2)}× |`,
    );
  }
  console.log(lines.join("\n"));
}
