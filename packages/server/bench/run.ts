/**
 * `pnpm bench`: speed targets as ratios against a baseline measured in the same run.
 *
 * Creates a throwaway PostgreSQL database, migrates it (prisma migrate deploy) and seeds the
 * demo data, starts the real server in this process (production mode, Redis doorbell), logs in
 * as the demo accounts the scenarios need, then measures every scenario of scenarios.ts against
 * the baseline in alternating rounds. Prints a table on stdout (progress on stderr), writes
 * artifacts/bench/results.json, drops the database — also on failure and on Ctrl-C.
 *
 * Exit code: 0 all good; 1 any failed request, failed bench script or broken run; 2 a target
 * not met (and no errors).
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startApp } from "../src/app.js";
import { loadConfig, REPO_ROOT } from "../src/platform/config.js";
import { migrateDeploy } from "../src/platform/db/migrate.js";
import { createDatabase } from "../src/platform/db/prisma.js";
import { createLogger } from "../src/platform/logger.js";
import { DEMO_PASSWORD, seedDemo } from "../src/seed/demo.js";
import { probeOnce, runHttpLoadInWorker, summarize, type HttpLoadResult, type LatencySummary } from "./http-load.js";
import { BenchConfigError, loadBenchOptions, type BenchOptions } from "./options.js";
import {
  BASELINE_QUERY,
  DEFAULT_ACCOUNT,
  DEFAULT_CONCURRENCY,
  SCENARIOS,
  SCRIPTS,
  type BenchScript,
  type DemoAccount,
  type HttpScenario,
  type Target,
} from "./scenarios.js";
import { scriptReportSchema, type ScriptEnv, type ScriptReport } from "./script-contract.js";

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const RESULTS_FILE = join(REPO_ROOT, "artifacts/bench/results.json");
/** Later rounds only need to open connections and let the previous load's garbage settle. */
const LATER_ROUND_WARMUP_S = 0.5;
const MEMORY_SAMPLE_MS = 100;

// ---------------------------------------------------------------------------------------------
// Progress and cleanup

const startedAt = new Date();
const clock = performance.now();
function progress(msg: string): void {
  const s = ((performance.now() - clock) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${s}s] ${msg}\n`);
}

const cleanups: Array<{ name: string; fn: () => Promise<void> }> = [];
/** Registers an undo step; cleanup runs them newest first. Returns a function that unregisters it. */
function onCleanup(name: string, fn: () => Promise<void>): () => void {
  const entry = { name, fn };
  cleanups.push(entry);
  return () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) cleanups.splice(i, 1);
  };
}
let cleaning: Promise<void> | null = null;
/** A hung step (a server that will not drain) must not keep the database from being dropped. */
const CLEANUP_STEP_TIMEOUT_MS = 15_000;
function cleanup(): Promise<void> {
  return (cleaning ??= (async () => {
    while (cleanups.length) {
      const { name, fn } = cleanups.pop()!;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no result within ${CLEANUP_STEP_TIMEOUT_MS / 1000} s`)), CLEANUP_STEP_TIMEOUT_MS);
      });
      await Promise.race([fn(), timeout])
        .catch((err: unknown) => progress(`cleanup "${name}" failed: ${err instanceof Error ? err.message : String(err)}`))
        .finally(() => clearTimeout(timer));
    }
  })());
}

// Repeated signals are ignored rather than taken as "give up": Apollo Server re-raises the
// signal once it has stopped (its stopOnTerminationSignals default), and exiting then would
// leave the bench database behind. Each cleanup step is bounded in time instead.
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    progress(`${signal}: stopping the server and dropping the bench database…`);
    void cleanup().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}

// ---------------------------------------------------------------------------------------------
// Setup

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function createBenchDatabase(adminUrl: string): Promise<string> {
  const name = `wijknet_bench_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  onCleanup(`drop database ${name}`, async () => {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    progress(`dropped database ${name}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  progress(`created database ${name}`);
  return url.toString();
}

const LOGIN = "mutation BenchLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }";

async function login(baseUrl: string, email: DemoAccount): Promise<string> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: LOGIN, variables: { email, password: DEMO_PASSWORD } }),
  });
  const body = (await res.json()) as { data?: { login?: { token?: string } }; errors?: Array<{ message: string }> };
  const token = body.data?.login?.token;
  if (res.status !== 200 || !token) {
    throw new Error(`login as ${email} failed (HTTP ${res.status}): ${body.errors?.map((e) => e.message).join("; ") ?? "no token"}`);
  }
  return token;
}

// ---------------------------------------------------------------------------------------------
// Measuring

/** One repeated request: the baseline or a scenario, at one concurrency, as one account. */
interface Load {
  name: string;
  scenario: HttpScenario | null; // null: the baseline
  account: DemoAccount;
  concurrency: number;
  body: string;
  segments: HttpLoadResult[];
  heapPeakBytes: number;
  rssPeakBytes: number;
}

interface Measured {
  requests: number;
  errors: number;
  errorSamples: string[];
  durationS: number;
  rps: number;
  latencyMs: LatencySummary;
  rounds: Array<{ rps: number; p99Ms: number }>;
  memory: { heapUsedPeakMb: number; rssPeakMb: number };
}

function pool(load: Load): Measured {
  const total = load.segments.reduce((n, s) => n + s.samplesMs.length, 0);
  const samples = new Float64Array(total);
  let offset = 0;
  for (const s of load.segments) {
    samples.set(s.samplesMs, offset);
    offset += s.samplesMs.length;
  }
  const durationMs = load.segments.reduce((n, s) => n + s.durationMs, 0);
  const requests = load.segments.reduce((n, s) => n + s.requests, 0);
  return {
    requests,
    errors: load.segments.reduce((n, s) => n + s.errors, 0),
    errorSamples: [...new Set(load.segments.flatMap((s) => s.errorSamples))].slice(0, 5),
    durationS: durationMs / 1000,
    rps: durationMs > 0 ? (requests / durationMs) * 1000 : 0,
    latencyMs: summarize(samples),
    rounds: load.segments.map((s) => ({ rps: s.rps, p99Ms: s.latencyMs.p99 })),
    memory: { heapUsedPeakMb: load.heapPeakBytes / 2 ** 20, rssPeakMb: load.rssPeakBytes / 2 ** 20 },
  };
}

async function measureSegment(load: Load, graphqlUrl: string, token: string, warmupS: number, durationS: number): Promise<HttpLoadResult> {
  // The server runs on this thread: its heap is this isolate's heap (the clients have their own).
  const sample = () => {
    const m = process.memoryUsage();
    load.heapPeakBytes = Math.max(load.heapPeakBytes, m.heapUsed);
    load.rssPeakBytes = Math.max(load.rssPeakBytes, m.rss);
  };
  const sampler = setInterval(sample, MEMORY_SAMPLE_MS);
  const run = runHttpLoadInWorker(
    {
      url: graphqlUrl,
      body: load.body,
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      concurrency: load.concurrency,
      warmupMs: warmupS * 1000,
      durationMs: durationS * 1000,
    },
    (p) => {
      // Only long segments get tick lines; short ones report when done.
      const s = Math.round(p.elapsedMs / 1000);
      if (p.phase === "measure" && s > 0 && s % 5 === 0) {
        progress(`    … ${s} s, ${p.requests} requests${p.errors ? `, ${p.errors} ERRORS` : ""}`);
      }
    },
  );
  const unregister = onCleanup(`load worker ${load.name}`, run.terminate);
  try {
    return await run.result;
  } finally {
    unregister();
    clearInterval(sampler);
    sample();
  }
}

function checkTarget(target: Target | undefined, rpsRatio: number, p99Ratio: number) {
  const checks: Array<{ name: string; limit: number; value: number; met: boolean }> = [];
  if (target?.minRpsRatio !== undefined) {
    checks.push({ name: "minRpsRatio", limit: target.minRpsRatio, value: rpsRatio, met: rpsRatio >= target.minRpsRatio });
  }
  if (target?.maxP99Ratio !== undefined) {
    checks.push({ name: "maxP99Ratio", limit: target.maxP99Ratio, value: p99Ratio, met: p99Ratio <= target.maxP99Ratio });
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------
// Bench scripts (scenarios.ts SCRIPTS; contract in script-contract.ts)

interface ScriptOutcome {
  name: string;
  description: string;
  script: string;
  durationS: number;
  report: ScriptReport | null;
  failure: string | null;
}

async function runScript(script: BenchScript, env: ScriptEnv, timeoutS: number): Promise<ScriptOutcome> {
  const started = performance.now();
  const file = join(BENCH_DIR, script.script);
  // `node --import tsx file`: one process, so a kill reaches the script itself.
  const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), file], {
    cwd: dirname(BENCH_DIR),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const unregister = onCleanup(`bench script ${script.name}`, async () => void child.kill("SIGTERM"));
  let stdout = "";
  let stderrTail = "";
  const forward = (chunk: Buffer, keep: (text: string) => void) => {
    const text = chunk.toString();
    keep(text);
    for (const line of text.split("\n")) if (line.trim() && !line.trimStart().startsWith("{")) progress(`  [${script.name}] ${line}`);
  };
  child.stdout.on("data", (c: Buffer) => forward(c, (t) => (stdout += t)));
  child.stderr.on("data", (c: Buffer) => forward(c, (t) => (stderrTail = (stderrTail + t).slice(-2000))));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    progress(`  [${script.name}] still running after ${timeoutS} s: killing it`);
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
  }, timeoutS * 1000);
  const code = await new Promise<number | null>((resolve) => {
    child.once("error", (err) => {
      stderrTail += `\n${err.message}`;
      resolve(null);
    });
    child.once("exit", (c) => resolve(c));
  });
  clearTimeout(timer);
  unregister();

  const base = {
    name: script.name,
    description: script.description,
    script: script.script,
    durationS: (performance.now() - started) / 1000,
  };
  if (timedOut) return { ...base, report: null, failure: `timed out after ${timeoutS} s` };
  if (code !== 0) return { ...base, report: null, failure: `exited with code ${code}: ${stderrTail.trim().slice(-500)}` };
  const last = stdout.trim().split("\n").pop() ?? "";
  let parsed: unknown;
  try {
    parsed = JSON.parse(last);
  } catch {
    return { ...base, report: null, failure: `last stdout line is not JSON: ${last.slice(0, 200)}` };
  }
  const report = scriptReportSchema.safeParse(parsed);
  if (!report.success) return { ...base, report: null, failure: `report does not match script-contract.ts: ${report.error.message}` };
  return { ...base, report: report.data, failure: null };
}

// ---------------------------------------------------------------------------------------------
// Reporting

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : "—");

/** One line of the report: a load's figures, then its ratios and target text. */
function reportRow(
  name: string,
  concurrency: number,
  r: { rps: number; latencyMs: { p50: number; p95: number; p99: number }; errors: number; memory: { heapUsedPeakMb: number } },
  rpsRatio: string,
  p99Ratio: string,
  target: string,
): string[] {
  const { p50, p95, p99 } = r.latencyMs;
  return [
    name,
    String(concurrency),
    fmt(r.rps, 0),
    fmt(p50),
    fmt(p95),
    fmt(p99),
    String(r.errors),
    fmt(r.memory.heapUsedPeakMb, 0),
    rpsRatio,
    p99Ratio,
    target,
  ];
}

function table(rows: string[][], rightAligned: boolean[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function gitInfo(): { commit: string | null; dirty: boolean | null } {
  try {
    const commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: REPO_ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: REPO_ROOT, encoding: "utf8" }).trim().length > 0;
    return { commit, dirty };
  } catch {
    return { commit: null, dirty: null };
  }
}

// ---------------------------------------------------------------------------------------------

async function main(opts: BenchOptions): Promise<number> {
  const known = [...SCENARIOS.map((s) => s.name), ...SCRIPTS.map((s) => s.name)];
  const duplicate = known.find((n, i) => known.indexOf(n) !== i);
  if (duplicate) throw new BenchConfigError(`scenario name "${duplicate}" is used twice in scenarios.ts`);
  const unknown = opts.only?.filter((n) => !known.includes(n)) ?? [];
  if (unknown.length) throw new BenchConfigError(`BENCH_ONLY names unknown scenario(s) ${unknown.join(", ")}; known: ${known.join(", ")}`);
  const selected = (name: string) => !opts.only || opts.only.includes(name);
  const scenarios = SCENARIOS.filter((s) => selected(s.name));
  const scripts = SCRIPTS.filter((s) => selected(s.name));
  if (scenarios.length + scripts.length === 0) throw new BenchConfigError("nothing to run");

  const segmentS = opts.BENCH_DURATION_S / opts.BENCH_ROUNDS;
  progress(
    `${scenarios.length} scenario(s), ${scripts.length} script(s); ${opts.BENCH_DURATION_S} s measured per load in ` +
      `${opts.BENCH_ROUNDS} rounds of ${fmt(segmentS, 1)} s, warm-up ${opts.BENCH_WARMUP_S} s`,
  );

  // Database: throwaway, migrated by the operator's command, seeded with the demo data.
  const databaseUrl = await createBenchDatabase(opts.BENCH_DATABASE_ADMIN_URL);
  progress("applying migrations (prisma migrate deploy)…");
  await migrateDeploy(databaseUrl, () => undefined);
  progress("seeding demo data…");
  const seedDb = createDatabase({ url: databaseUrl, poolMax: 2 });
  try {
    await seedDemo(seedDb.prisma, (msg) => progress(`  ${msg}`));
  } finally {
    await seedDb.close();
  }

  // The real server, in this process, configured as in production.
  const config = loadConfig({
    NODE_ENV: "production",
    // Scenarios are not the web app's operations: the allowlist would refuse them.
    TRUSTED_DOCUMENTS: "off",
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_URL: databaseUrl,
    REDIS_URL: opts.BENCH_REDIS_URL,
    LOG_LEVEL: "silent",
    SEED_DEMO: "never",
    INSTANCE_ID: "bench",
  });
  const app = await startApp(config, createLogger(config));
  onCleanup("stop server", () => app.stop());
  const graphqlUrl = `${app.url}/graphql`;
  progress(`server listening at ${app.url} (NODE_ENV=production, DB_POOL_MAX=${config.DB_POOL_MAX}, Redis doorbell)`);

  const accounts = [...new Set<DemoAccount>([DEFAULT_ACCOUNT, ...scenarios.map((s) => s.as ?? DEFAULT_ACCOUNT)])];
  const tokens = new Map<DemoAccount, string>();
  for (const account of accounts) tokens.set(account, await login(app.url, account));
  progress(`logged in as ${accounts.join(", ")}`);

  // Variables that depend on the seeded rows (ids) are looked up once, before measuring.
  const resolvedVariables = new Map<string, Record<string, unknown>>();
  for (const scenario of scenarios) {
    const v = scenario.variables;
    resolvedVariables.set(scenario.name, typeof v === "function" ? await v(app.db.prisma) : (v ?? {}));
  }

  // One baseline per (concurrency, account), so a scenario is always compared like for like.
  const groups = new Map<string, Load[]>();
  for (const scenario of scenarios) {
    const account = scenario.as ?? DEFAULT_ACCOUNT;
    const concurrency = scenario.concurrency ?? DEFAULT_CONCURRENCY;
    const key = `${concurrency}|${account}`;
    const fresh = (name: string, s: HttpScenario | null, query: string, variables: Record<string, unknown> | undefined): Load => ({
      name,
      scenario: s,
      account,
      concurrency,
      segments: [],
      heapPeakBytes: 0,
      rssPeakBytes: 0,
      body: JSON.stringify({ query, variables: variables ?? {} }),
    });
    if (!groups.has(key)) groups.set(key, [fresh("baseline", null, BASELINE_QUERY, undefined)]);
    groups.get(key)!.push(fresh(scenario.name, scenario, scenario.query, resolvedVariables.get(scenario.name)));
  }

  // A broken query (typo, missing permission) fails here, before minutes are spent on it.
  for (const loads of groups.values()) {
    for (const load of loads) {
      const probe = await probeOnce({
        url: graphqlUrl,
        body: load.body,
        headers: { "content-type": "application/json", authorization: `Bearer ${tokens.get(load.account)!}` },
      });
      if (!probe.ok) throw new Error(`scenario "${load.name}" fails on its first request: ${probe.error}`);
    }
  }

  for (const loads of groups.values()) {
    for (let round = 1; round <= opts.BENCH_ROUNDS; round++) {
      // Alternating baseline and scenarios: slow drift (JIT, caches, a busy neighbour) hits both.
      for (const load of loads) {
        const warmupS = round === 1 ? opts.BENCH_WARMUP_S : Math.min(opts.BENCH_WARMUP_S, LATER_ROUND_WARMUP_S);
        progress(
          `${load.name} · round ${round}/${opts.BENCH_ROUNDS} · ${load.concurrency} clients · ${fmt(warmupS, 1)} s warm-up + ${fmt(segmentS, 1)} s`,
        );
        const r = await measureSegment(load, graphqlUrl, tokens.get(load.account)!, warmupS, segmentS);
        load.segments.push(r);
        progress(
          `    ${fmt(r.rps, 0)} req/s, p50 ${fmt(r.latencyMs.p50)} ms, p99 ${fmt(r.latencyMs.p99)} ms` +
            (r.errors ? ` — ${r.errors} FAILED REQUESTS: ${r.errorSamples[0]}` : ""),
        );
      }
    }
  }

  const scriptEnv: ScriptEnv = {
    BENCH_URL: app.url,
    BENCH_TOKEN: tokens.get(DEFAULT_ACCOUNT)!,
    BENCH_DATABASE_URL: databaseUrl,
    BENCH_REDIS_URL: opts.BENCH_REDIS_URL,
    BENCH_DURATION_S: String(opts.BENCH_DURATION_S),
    BENCH_WARMUP_S: String(opts.BENCH_WARMUP_S),
  };
  const scriptOutcomes: ScriptOutcome[] = [];
  for (const script of scripts) {
    const timeoutS = script.timeoutS ?? 6 * opts.BENCH_DURATION_S + 120;
    progress(`script ${script.name} (bench/${script.script}), at most ${timeoutS} s…`);
    const outcome = await runScript(script, scriptEnv, timeoutS);
    progress(outcome.failure ? `    FAILED: ${outcome.failure}` : `    done in ${fmt(outcome.durationS, 1)} s`);
    scriptOutcomes.push(outcome);
  }

  // ---- results
  const baselines: Array<Record<string, unknown>> = [];
  const scenarioResults: Array<Record<string, unknown>> = [];
  const rows: string[][] = [
    ["scenario", "clients", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "heap MB", "rps ratio", "p99 ratio", "target"],
  ];
  let errors = 0;
  let targetsChecked = 0;
  let targetsMissed = 0;
  const failures: string[] = [];

  for (const loads of groups.values()) {
    const [baselineLoad, ...scenarioLoads] = loads as [Load, ...Load[]];
    const b = pool(baselineLoad);
    const who = baselineLoad.account === DEFAULT_ACCOUNT ? "" : ` (${baselineLoad.account})`;
    errors += b.errors;
    if (b.errors) failures.push(`baseline: ${b.errors} failed requests, e.g. ${b.errorSamples[0]}`);
    baselines.push({ name: "baseline", query: BASELINE_QUERY, account: baselineLoad.account, concurrency: baselineLoad.concurrency, ...b });
    rows.push(reportRow(`baseline${who}`, baselineLoad.concurrency, b, "1.00", "1.00", ""));
    for (const load of scenarioLoads) {
      const s = pool(load);
      const scenario = load.scenario!;
      const rpsRatio = s.rps / b.rps;
      const p99Ratio = s.latencyMs.p99 / b.latencyMs.p99;
      const checks = checkTarget(scenario.target, rpsRatio, p99Ratio);
      const missed = checks.filter((c) => !c.met);
      targetsChecked += checks.length;
      targetsMissed += missed.length;
      errors += s.errors;
      if (s.errors) failures.push(`${load.name}: ${s.errors} failed requests, e.g. ${s.errorSamples[0]}`);
      const targetText =
        checks.length === 0
          ? "—"
          : (missed.length ? "NOT MET: " : "met: ") +
            checks.map((c) => (c.name === "minRpsRatio" ? `rps ratio ≥ ${c.limit}` : `p99 ratio ≤ ${c.limit}`)).join(", ");
      rows.push(reportRow(load.name, load.concurrency, s, fmt(rpsRatio), fmt(p99Ratio), targetText));
      scenarioResults.push({
        name: load.name,
        description: scenario.description,
        query: scenario.query,
        variables: resolvedVariables.get(scenario.name) ?? {},
        account: load.account,
        concurrency: load.concurrency,
        ...s,
        ratios: { rps: rpsRatio, p99: p99Ratio },
        target: scenario.target ?? null,
        targets: checks,
        targetMet: checks.length ? missed.length === 0 : null,
      });
    }
  }

  const scriptRows: string[][] = [["script", "result", "metrics"]];
  for (const o of scriptOutcomes) {
    if (o.failure || !o.report) {
      errors++;
      failures.push(`script ${o.name}: ${o.failure}`);
      scriptRows.push([o.name, "FAILED", o.failure ?? ""]);
      continue;
    }
    const missed = o.report.targets.filter((t) => !t.met);
    targetsChecked += o.report.targets.length;
    targetsMissed += missed.length;
    errors += o.report.errors;
    if (o.report.errors || !o.report.ok) failures.push(`script ${o.name}: ok=${o.report.ok}, ${o.report.errors} errors`);
    if (!o.report.ok && o.report.errors === 0) errors++;
    const verdict = !o.report.ok || o.report.errors ? "ERRORS" : missed.length ? "targets NOT MET" : "ok";
    const metrics = Object.entries(o.report.metrics)
      .map(([k, v]) => `${k}=${fmt(v)}`)
      .join(" ");
    scriptRows.push([o.name, verdict, metrics]);
  }

  const git = gitInfo();
  const results = {
    version: 1,
    ok: errors === 0 && targetsMissed === 0,
    errors,
    targets: { checked: targetsChecked, missed: targetsMissed },
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    environment: {
      node: process.version,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryMb: Math.round(os.totalmem() / 2 ** 20),
      commit: git.commit,
      dirty: git.dirty,
    },
    options: { durationS: opts.BENCH_DURATION_S, warmupS: opts.BENCH_WARMUP_S, rounds: opts.BENCH_ROUNDS, only: opts.only },
    server: {
      nodeEnv: config.NODE_ENV,
      dbPoolMax: config.DB_POOL_MAX,
      doorbell: "redis",
      inProcess: true,
      clients: "worker thread, keep-alive",
    },
    baselines,
    scenarios: scenarioResults,
    scripts: scriptOutcomes,
  };
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);

  const out: string[] = [];
  out.push("");
  out.push(
    `wijknet bench — ${opts.BENCH_DURATION_S} s measured per load (${opts.BENCH_ROUNDS} alternating rounds), ` +
      `warm-up ${opts.BENCH_WARMUP_S} s; Node ${process.version}, ${os.cpus().length} CPUs; ` +
      `commit ${git.commit?.slice(0, 7) ?? "?"}${git.dirty ? " (dirty)" : ""}`,
  );
  out.push("ratios: scenario ÷ baseline at the same concurrency, same token, same run (rps: higher is better; p99: lower is better)");
  out.push("");
  if (rows.length > 1) out.push(table(rows, [false, true, true, true, true, true, true, true, true, true, false]));
  if (scriptRows.length > 1) out.push("", table(scriptRows, [false, false, false]));
  out.push("", `JSON: ${relative(REPO_ROOT, RESULTS_FILE)} (repository root)`);
  if (errors > 0) {
    const bar = "!".repeat(78);
    out.push("", bar, `!!! BENCH FAILED: ${errors} error(s). These numbers measure failures, not the server:`);
    for (const f of failures) out.push(`!!!   ${f}`);
    out.push(bar);
  } else if (targetsMissed > 0) {
    out.push("", `TARGETS NOT MET: ${targetsMissed} of ${targetsChecked}.`);
  } else {
    out.push("", `OK: no errors; ${targetsChecked} target(s) checked, all met.`);
  }
  process.stdout.write(`${out.join("\n")}\n`);
  return errors > 0 ? 1 : targetsMissed > 0 ? 2 : 0;
}

let exitCode = 1;
try {
  exitCode = await main(loadBenchOptions());
} catch (err) {
  if (!interrupted) {
    const text = err instanceof BenchConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`\n!!! BENCH FAILED: ${text}\n`);
  }
} finally {
  await cleanup();
}
if (!interrupted) process.exit(exitCode);
