/**
 * `pnpm bench`'s per-request overhead against a bare Apollo Server 5 (BENCH_ONLY=bare-apollo):
 * `{ __typename }` with the coordinator's token, and without a token, on the wijknet server
 * under test, against the same query on bench/bare-apollo-server.ts (its own process) — in
 * alternating rounds, same load generator, same concurrency, same minute. Target: the cheapest
 * authenticated query at least 0.7× the bare server's requests per second.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runHttpLoadInWorker, type HttpLoadResult } from "./http-load.js";
import { printScriptReport, readScriptEnv } from "./script-contract.js";

const env = readScriptEnv();
const here = dirname(fileURLToPath(import.meta.url));
const ROUNDS = 3;
const CONCURRENCY = 10;
const durationMs = Math.max(2, Number(env.BENCH_DURATION_S) / ROUNDS) * 1000;
const warmupMs = Math.max(0.5, Number(env.BENCH_WARMUP_S) / ROUNDS) * 1000;

const bare = spawn(process.execPath, ["--import", "tsx", join(here, "bare-apollo-server.ts")], {
  cwd: join(here, ".."),
  env: { ...process.env, NODE_ENV: "production" },
  stdio: ["ignore", "pipe", "inherit"],
});
let port = 0;
bare.stdout.setEncoding("utf8");
for await (const chunk of bare.stdout) {
  const m = /listening (\d+)/.exec(chunk as string);
  if (m) {
    port = Number(m[1]);
    break;
  }
}
const body = JSON.stringify({ query: "query Baseline { __typename }" });
const json = { "content-type": "application/json" };
const targets = {
  bare: { url: `http://127.0.0.1:${port}/`, headers: json },
  authenticated: { url: `${env.BENCH_URL}/graphql`, headers: { ...json, authorization: `Bearer ${env.BENCH_TOKEN}` } },
  anonymous: { url: `${env.BENCH_URL}/graphql`, headers: json },
} as const;

const results: Record<keyof typeof targets, HttpLoadResult[]> = { bare: [], authenticated: [], anonymous: [] };
try {
  for (let round = 1; round <= ROUNDS; round++) {
    for (const name of Object.keys(targets) as Array<keyof typeof targets>) {
      const { url, headers } = targets[name];
      const load = runHttpLoadInWorker({ url, body, headers, concurrency: CONCURRENCY, warmupMs, durationMs });
      const r = await load.result;
      results[name].push(r);
      process.stderr.write(
        `bare-apollo round ${round}: ${name} ${Math.round(r.rps)} rps, p99 ${r.latencyMs.p99.toFixed(1)} ms, errors ${r.errors}\n`,
      );
    }
  }
} finally {
  bare.kill("SIGTERM");
  await once(bare, "exit");
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rps = (name: keyof typeof targets) => median(results[name].map((r) => r.rps));
const errors = Object.values(results)
  .flat()
  .reduce((n, r) => n + r.errors, 0);
const authRatio = rps("authenticated") / rps("bare");
const anonRatio = rps("anonymous") / rps("bare");
printScriptReport({
  ok: errors === 0,
  errors,
  metrics: {
    bareRps: Math.round(rps("bare")),
    authenticatedRps: Math.round(rps("authenticated")),
    anonymousRps: Math.round(rps("anonymous")),
    authenticatedRatio: Number(authRatio.toFixed(3)),
    anonymousRatio: Number(anonRatio.toFixed(3)),
  },
  targets: [{ name: "authenticated { __typename } ≥ 0.7× a bare Apollo Server 5", met: authRatio >= 0.7, value: authRatio, limit: 0.7 }],
  notes: [`medians of ${ROUNDS} alternating rounds, concurrency ${CONCURRENCY}; the bare server runs in its own process`],
});
