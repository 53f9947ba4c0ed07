/**
 * The full fuzz run, as a bench script (`pnpm bench`, or `BENCH_ONLY=fuzz pnpm bench`):
 * 10,000 hostile HTTP requests and 2,000 hostile WebSocket frames (fuzz/mutate.ts)
 * against the bench's server, while a normal query keeps running. Fails on any 5xx,
 * internal error or internal-error close; reports the normal query's p99 during the
 * run as a ratio to its p99 just before (target ≤ 2).
 */
import { fuzzHttp, fuzzWs } from "../fuzz/runner.js";
import { printScriptReport, readScriptEnv } from "./script-contract.js";

const env = readScriptEnv();
const HTTP_COUNT = Number(process.env["FUZZ_HTTP_COUNT"] ?? 10_000);
const WS_COUNT = Number(process.env["FUZZ_WS_COUNT"] ?? 2_000);
const SEED = Number(process.env["FUZZ_SEED"] ?? 1);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Sends `{ districts { id } }` in a closed loop until stopped; returns sorted latencies (ms). */
function normalLoad(clients: number) {
  let running = true;
  let errors = 0;
  const latencies: number[] = [];
  const body = JSON.stringify({ query: "query Normal { districts { id name } }" });
  const loops = Array.from({ length: clients }, async () => {
    while (running) {
      const t = performance.now();
      try {
        const res = await fetch(`${env.BENCH_URL}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${env.BENCH_TOKEN}` },
          body,
        });
        const json = (await res.json()) as { errors?: unknown };
        if (res.status !== 200 || json.errors) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }
  });
  return async () => {
    running = false;
    await Promise.all(loops);
    return { latencies: latencies.sort((a, b) => a - b), errors };
  };
}

const baselineS = Math.max(3, Number(env.BENCH_DURATION_S));
process.stderr.write(`fuzz: baseline of the normal query for ${baselineS} s…\n`);
const stopBaseline = normalLoad(2);
await new Promise((r) => setTimeout(r, baselineS * 1000));
const baseline = await stopBaseline();

process.stderr.write(
  `fuzz: ${HTTP_COUNT} hostile HTTP requests and ${WS_COUNT} hostile WebSocket frames (seed ${SEED}), normal query running alongside…\n`,
);
const stopDuring = normalLoad(2);
const started = performance.now();
const http = await fuzzHttp(env.BENCH_URL, env.BENCH_TOKEN, {
  count: HTTP_COUNT,
  seed: SEED,
  onProgress: (n) => process.stderr.write(`  http ${n}/${HTTP_COUNT}\n`),
});
const ws = await fuzzWs(env.BENCH_URL, env.BENCH_TOKEN, {
  count: WS_COUNT,
  seed: SEED + 1,
  framesPerSocket: 5,
  onProgress: (n) => process.stderr.write(`  ws ${n}/${WS_COUNT}\n`),
});
const elapsedS = (performance.now() - started) / 1000;
const during = await stopDuring();

const healthy = await fetch(`${env.BENCH_URL}/healthz`).then(
  (r) => r.ok,
  () => false,
);
const baseP99 = percentile(baseline.latencies, 99);
const duringP99 = percentile(during.latencies, 99);
const p99Ratio = duringP99 / baseP99;
const errors = http.failures.count + ws.failures.count + baseline.errors + during.errors + (healthy ? 0 : 1);
printScriptReport({
  ok: errors === 0,
  errors,
  metrics: {
    httpRequests: HTTP_COUNT,
    wsFrames: WS_COUNT,
    elapsedS,
    normalBaselineP99Ms: baseP99,
    normalDuringFuzzP99Ms: duringP99,
    p99Ratio,
  },
  targets: [{ name: "normal query p99 during fuzz ≤ 2× baseline", met: p99Ratio <= 2, value: p99Ratio, limit: 2 }],
  notes: [
    `HTTP statuses: ${JSON.stringify(http.statuses)}`,
    `WebSocket close codes: ${JSON.stringify(ws.closeCodes)}`,
    ...http.failures.samples.map((s) => `http failure: ${s}`),
    ...ws.failures.samples.map((s) => `ws failure: ${s}`),
    healthy ? "server healthy after the run" : "server NOT healthy after the run",
  ],
});
