/**
 * `pnpm bench`'s reconnect storm (BENCH_ONLY=ws-storm): 2,000 WebSocket clients subscribe to
 * the signal feed at once, each resuming with `after` — what happens when an instance dies
 * and its subscribers all land on this one. Stock graphql-ws clients that retry a few times
 * (retryAttempts 3) must all converge: every one receives every event after its cursor, in
 * order, none twice, and no socket is closed with an error. Reports the time to converge and
 * the errors; the server runs with the default pool (DB_POOL_MAX=10).
 *
 * Own database and instance (like bench/fanout.ts); the contract is script-contract.ts.
 *   BENCH_STORM_N=500 pnpm --filter @wijknet/server exec tsx bench/storm-script.ts   (outside pnpm bench)
 */
import { performance } from "node:perf_hooks";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { waitUntil } from "../test/support/wait.js";
import { startOwnInstance } from "./own-instance.js";
import { printScriptReport } from "./script-contract.js";

const N = Number(process.env["BENCH_STORM_N"] ?? 2_000);
const EVENTS = 20;
const FEED = `subscription StormFeed($after: String) { signalFeed(after: $after) { cursor kind signalId } }`;

const own = await startOwnInstance("wijknet_storm", { REDIS_URL: process.env["BENCH_REDIS_URL"] ?? "redis://127.0.0.1:6379" });
try {
  const { app, token, viewer, districtId } = own;
  const config = app.config;
  const url = `${app.url.replace(/^http/, "ws")}/graphql`;

  // One reader records the cursors of EVENTS signals; everyone resumes after the first.
  const cursors: string[] = [];
  const reader = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
  const readerDone = new Promise<void>((resolve, reject) => {
    reader.subscribe<{ signalFeed: { cursor: string } }>(
      { query: FEED, variables: { after: null } },
      {
        next: (r) => {
          if (r.data) cursors.push(r.data.signalFeed.cursor);
          if (cursors.length === EVENTS) resolve();
        },
        error: reject,
        complete: () => undefined,
      },
    );
  });
  await waitUntil(() => app.fanout.subscriberCount() >= 1);
  for (let i = 0; i < EVENTS; i++) {
    await app.services.signals.report(
      viewer,
      { districtId, kind: "TENSION", severity: "LOW", summary: `storm ${i}`, place: "Plein" },
      "bench",
    );
  }
  await readerDone;
  await reader.dispose();
  const expected = cursors.slice(1);

  process.stderr.write(`storm: ${N} clients resume after event 1 of ${EVENTS} at once (DB_POOL_MAX=${config.DB_POOL_MAX})\n`);
  let errors = 0;
  let closedWithError = 0;
  const closeCodes = new Map<number, number>();
  const t0 = performance.now();
  const finishTimes: number[] = [];
  const clients = Array.from({ length: N }, () => {
    const got: string[] = [];
    let last: string = cursors[0]!;
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 3,
      shouldRetry: () => true,
      on: {
        closed: (e) => {
          const code = (e as { code?: number }).code ?? 0;
          if (code !== 1000) {
            closedWithError++;
            closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
          }
        },
      },
    });
    const done = new Promise<void>((resolve) => {
      const subscribe = () =>
        client.subscribe<{ signalFeed: { cursor: string } }>(
          { query: FEED, variables: { after: last } },
          {
            next: (r) => {
              if (!r.data) return;
              last = r.data.signalFeed.cursor;
              got.push(last);
              if (got.length === expected.length) {
                finishTimes.push(performance.now() - t0);
                resolve();
              }
            },
            error: () => {
              errors++;
              resolve();
            },
            complete: () => resolve(),
          },
        );
      subscribe();
    });
    return { client, got, done };
  });
  const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 120_000));
  const outcome = await Promise.race([Promise.all(clients.map((c) => c.done)).then(() => "done" as const), timeout]);
  const convergedMs = performance.now() - t0;
  let wrong = 0;
  for (const c of clients) if (c.got.join() !== expected.join()) wrong++;
  await Promise.all(clients.map((c) => c.client.dispose()));
  finishTimes.sort((a, b) => a - b);
  const p50 = finishTimes[Math.floor(finishTimes.length / 2)] ?? Number.NaN;
  const total = errors + wrong + (outcome === "timeout" ? 1 : 0);
  process.stderr.write(
    `storm: converged=${outcome === "done"} in ${Math.round(convergedMs)} ms (median client ${Math.round(p50)} ms); ` +
      `errors ${errors}, clients with missing/duplicate events ${wrong}, retried closes ${closedWithError} ${JSON.stringify([...closeCodes])}\n`,
  );
  printScriptReport({
    ok: outcome === "done" && total === 0,
    errors: total,
    metrics: { clients: N, convergeMs: Math.round(convergedMs), medianClientMs: Math.round(p50), retriedCloses: closedWithError },
    targets: [{ name: `${N} resuming clients converge with no errors`, met: total === 0 && outcome === "done", value: total, limit: 0 }],
    notes: ["errors: subscription errors, clients with a missing or duplicated event, or not converging within 120 s"],
  });
} finally {
  await own.close();
}
