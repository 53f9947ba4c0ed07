/**
 * The coordinator's queries at region size (issue 21): the same queries against the demo seed
 * and against the demo seed plus the large seed (src/seed/large.ts: 100,000 contacts over three
 * municipalities, 3,000 members in Overvecht's allies network), each in its own throwaway
 * database with the real server in this process in production mode.
 *
 * Per seed and query: the median of 15 requests one after another (after 3 unmeasured), and the
 * throughput of closed-loop clients as a ratio to the baseline query ({ __typename }) measured
 * right before it. Targets at the large seed: every query's median ≤ 30 ms, and its rps ratio at
 * least half its ratio on the demo seed ("within 2×").
 *
 * Runs as a bench script (`BENCH_ONLY=large-seed pnpm bench`) or alone:
 * `pnpm --filter @wijknet/server bench:large` (BENCH_LARGE_CONTACTS, BENCH_LARGE_LOAD_S to scale it).
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { startApp, type App } from "../src/app.js";
import { loadConfig } from "../src/platform/config.js";
import { migrateDeploy } from "../src/platform/db/migrate.js";
import { createDatabase } from "../src/platform/db/prisma.js";
import { createLogger } from "../src/platform/logger.js";
import { DEMO_PASSWORD, seedDemo } from "../src/seed/demo.js";
import { seedLarge } from "../src/seed/large.js";
import { runHttpLoadInWorker } from "./http-load.js";
import { printScriptReport } from "./script-contract.js";

const ADMIN_URL = process.env["BENCH_DATABASE_ADMIN_URL"] ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env["BENCH_REDIS_URL"] ?? "redis://127.0.0.1:6379";
const CONTACTS = Number(process.env["BENCH_LARGE_CONTACTS"] ?? 100_000);
const LOAD_S = Number(process.env["BENCH_LARGE_LOAD_S"] ?? 3);
const CONCURRENCY = 4;
const MEDIAN_OF = 15;
const MAX_MEDIAN_MS = 30;
const BASELINE = "query Baseline { __typename }";

interface Query {
  name: string;
  query: string;
  variables: (ids: Ids) => Record<string, unknown>;
  /** Informational rows (the deprecated unpaged field) carry no target. */
  target: boolean;
}
interface Ids {
  districtId: string;
  networkId: string;
}

const QUERIES: Query[] = [
  {
    name: "contacts(first: 20)",
    query: "query L1 { contacts(first: 20) { totalCount edges { node { id fullName } } } }",
    variables: () => ({}),
    target: true,
  },
  {
    name: 'contacts(filter: { text: "jan" }, first: 20)',
    query: 'query L2 { contacts(filter: { text: "jan" }, first: 20) { totalCount edges { node { id fullName } } } }',
    variables: () => ({}),
    target: true,
  },
  {
    name: "contacts(filter: { districtId, stale: true }, first: 20)",
    query:
      "query L3($d: ID!) { contacts(filter: { districtId: $d, stale: true }, first: 20) { totalCount edges { node { id fullName } } } }",
    variables: (ids) => ({ d: ids.districtId }),
    target: true,
  },
  {
    name: "staleContacts(districtId) (25 rows)",
    query: "query L4($d: ID!) { staleContacts(districtId: $d) { id fullName lastInteractionAt } }",
    variables: (ids) => ({ d: ids.districtId }),
    target: true,
  },
  {
    name: "network(id) { memberPage(first: 50) }",
    query: "query L5($n: ID!) { network(id: $n) { memberPage(first: 50) { edges { node { id role contact { fullName } } } } } }",
    variables: (ids) => ({ n: ids.networkId }),
    target: true,
  },
  {
    name: "network(id) { members } (deprecated, unpaged)",
    query: "query L6($n: ID!) { network(id: $n) { members { id role contact { fullName } } } }",
    variables: (ids) => ({ n: ids.networkId }),
    target: false,
  },
  {
    name: "networkHealth(districtId)",
    query: `query L7($d: ID!) { networkHealth(districtId: $d) { allies { value suppressed } activeMembers { value suppressed }
      staleMembers { value suppressed } staleShare turnout } }`,
    variables: (ids) => ({ d: ids.districtId }),
    target: true,
  },
];

const log = (msg: string) => process.stderr.write(`${msg}\n`);

async function post(url: string, token: string, body: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body });
  const json = (await res.json()) as { errors?: Array<{ message: string }> };
  if (res.status !== 200 || json.errors) throw new Error(`HTTP ${res.status}: ${JSON.stringify(json.errors ?? json).slice(0, 300)}`);
  return performance.now() - started;
}

async function median(url: string, token: string, body: string): Promise<number> {
  for (let i = 0; i < 3; i++) await post(url, token, body);
  const samples: number[] = [];
  for (let i = 0; i < MEDIAN_OF; i++) samples.push(await post(url, token, body));
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

async function rps(url: string, token: string, body: string): Promise<{ rps: number; errors: number }> {
  const run = runHttpLoadInWorker({
    url,
    body,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    concurrency: CONCURRENCY,
    warmupMs: 500,
    durationMs: LOAD_S * 1000,
  });
  const r = await run.result;
  return { rps: r.rps, errors: r.errors };
}

interface Row {
  medianMs: number;
  rpsRatio: number;
}

async function measureSeed(seed: "demo" | "large"): Promise<{ rows: Map<string, Row>; errors: number }> {
  const dbName = `wijknet_bench_large_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  let app: App | null = null;
  try {
    await migrateDeploy(databaseUrl, () => undefined);
    const db = createDatabase({ url: databaseUrl, poolMax: 2 });
    try {
      await seedDemo(db.prisma);
    } finally {
      await db.close();
    }
    if (seed === "large") await seedLarge(databaseUrl, { contacts: CONTACTS, log: (m) => log(`  ${m}`) });
    const config = loadConfig({
      NODE_ENV: "production",
      TRUSTED_DOCUMENTS: "off",
      HOST: "127.0.0.1",
      PORT: "0",
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      LOG_LEVEL: "silent",
      SEED_DEMO: "never",
      DB_MIGRATE: "never",
      INSTANCE_ID: `bench-large-${seed}`,
    });
    app = await startApp(config, createLogger(config, process.stderr));
    const { token } = await app.services.auth.login("coordinator@wijknet.example", DEMO_PASSWORD, "bench");
    const prisma = app.db.prisma;
    const district = await prisma.district.findFirstOrThrow({ where: { code: "overvecht", municipality: { code: "GM0344" } } });
    const network = await prisma.network.findFirstOrThrow({ where: { districtId: district.id, kind: "ALLIES" } });
    const ids: Ids = { districtId: district.id, networkId: network.id };
    const graphqlUrl = `${app.url}/graphql`;
    const rows = new Map<string, Row>();
    let errors = 0;
    for (const q of QUERIES) {
      const body = JSON.stringify({ query: q.query, variables: q.variables(ids) });
      const medianMs = await median(graphqlUrl, token, body);
      const base = await rps(graphqlUrl, token, JSON.stringify({ query: BASELINE }));
      const load = await rps(graphqlUrl, token, body);
      errors += base.errors + load.errors;
      rows.set(q.name, { medianMs, rpsRatio: load.rps / base.rps });
      log(`  ${seed}: ${q.name}: median ${medianMs.toFixed(1)} ms, rps ratio ${(load.rps / base.rps).toFixed(2)}`);
    }
    return { rows, errors };
  } finally {
    await app?.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

log(
  `large-seed bench: demo seed, then demo + ${CONTACTS.toLocaleString("en")} contacts; median of ${MEDIAN_OF}, ${CONCURRENCY} clients × ${LOAD_S} s for rps`,
);
const demo = await measureSeed("demo");
const large = await measureSeed("large");

const targets: Array<{ name: string; met: boolean; value: number; limit: number }> = [];
const lines = [
  `| query | demo: median ms | demo: rps ratio | ${CONTACTS.toLocaleString("en")} contacts: median ms | rps ratio | targets |`,
  "|---|---|---|---|---|---|",
];
for (const q of QUERIES) {
  const d = demo.rows.get(q.name)!;
  const l = large.rows.get(q.name)!;
  let verdict = "—";
  if (q.target) {
    const medianMet = l.medianMs <= MAX_MEDIAN_MS;
    const ratioMet = l.rpsRatio >= d.rpsRatio / 2;
    targets.push({ name: `${q.name}: median ms`, met: medianMet, value: l.medianMs, limit: MAX_MEDIAN_MS });
    targets.push({ name: `${q.name}: rps ratio vs demo`, met: ratioMet, value: l.rpsRatio, limit: d.rpsRatio / 2 });
    verdict = `${medianMet ? "met" : "NOT MET"} ≤ ${MAX_MEDIAN_MS} ms; ${ratioMet ? "met" : "NOT MET"} ratio ≥ ${(d.rpsRatio / 2).toFixed(2)}`;
  }
  lines.push(
    `| \`${q.name}\` | ${d.medianMs.toFixed(1)} | ${d.rpsRatio.toFixed(2)} | ${l.medianMs.toFixed(1)} | ${l.rpsRatio.toFixed(2)} | ${verdict} |`,
  );
}
for (const line of lines) process.stdout.write(`${line}\n`);
const metrics: Record<string, number> = {};
QUERIES.forEach((q, i) => {
  metrics[`q${i + 1}DemoMedianMs`] = demo.rows.get(q.name)!.medianMs;
  metrics[`q${i + 1}LargeMedianMs`] = large.rows.get(q.name)!.medianMs;
  metrics[`q${i + 1}LargeRpsRatio`] = large.rows.get(q.name)!.rpsRatio;
});
const errors = demo.errors + large.errors;
printScriptReport({ ok: errors === 0, errors, metrics, targets, notes: QUERIES.map((q, i) => `q${i + 1} = ${q.name}`) });
process.exit(0);
