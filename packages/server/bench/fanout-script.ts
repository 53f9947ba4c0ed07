/**
 * `pnpm bench`'s fan-out entry: runs bench/fanout.ts (its own database, instance and
 * subscriber process; see README "Fan-out benchmark") and turns its result into a script
 * report (script-contract.ts) with the issue's targets, all ratios to a plain `ws`
 * broadcast measured in the same run — plus the absolute p99 at N = 5,000.
 */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { printScriptReport, readScriptEnv } from "./script-contract.js";

const env = readScriptEnv();
const here = dirname(fileURLToPath(import.meta.url));

interface Path {
  deliveries: number;
  expectedDeliveries: number;
  cpuPerDeliveryMicros: number;
  p99Ms: number;
  heapPerSubscriberBytes: number;
  connected: number;
}
interface Row {
  n: number;
  plain: Path;
  wijknet: Path;
  ratio: { cpuPerDelivery: number; p99: number };
}

const output = await new Promise<string>((resolve, reject) => {
  const child = spawn(process.execPath, ["--import", "tsx", join(here, "fanout.ts")], {
    cwd: join(here, ".."),
    env: { ...process.env, BENCH_SECONDS: String(Math.max(2, Math.round(Number(env.BENCH_DURATION_S) / 2))) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
    process.stderr.write(chunk);
  });
  child.once("error", reject);
  child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`fanout.ts exited with ${code}`))));
});

const line = output.split("\n").find((l) => l.startsWith('{"bench":"fanout"'));
if (!line) throw new Error("fanout.ts printed no result line");
const rows = (JSON.parse(line) as { results: Row[] }).results;
const metrics: Record<string, number> = {};
const targets: Array<{ name: string; met: boolean; value: number; limit: number }> = [];
let errors = 0;
for (const r of rows) {
  metrics[`n${r.n}CpuRatio`] = r.ratio.cpuPerDelivery;
  metrics[`n${r.n}P99Ratio`] = r.ratio.p99;
  metrics[`n${r.n}P99Ms`] = r.wijknet.p99Ms;
  metrics[`n${r.n}HeapPerSubscriberKB`] = r.wijknet.heapPerSubscriberBytes / 1024;
  errors += Math.max(0, r.wijknet.expectedDeliveries - r.wijknet.deliveries) + Math.max(0, r.n - r.wijknet.connected);
  targets.push({
    name: `N=${r.n}: CPU per delivery ≤ 2× plain ws`,
    met: r.ratio.cpuPerDelivery <= 2,
    value: r.ratio.cpuPerDelivery,
    limit: 2,
  });
  targets.push({ name: `N=${r.n}: p99 ≤ 1.5× plain ws`, met: r.ratio.p99 <= 1.5, value: r.ratio.p99, limit: 1.5 });
  targets.push({
    name: `N=${r.n}: heap per subscriber ≤ 20 KB`,
    met: r.wijknet.heapPerSubscriberBytes <= 20 * 1024,
    value: r.wijknet.heapPerSubscriberBytes / 1024,
    limit: 20,
  });
  if (r.n === 5000) targets.push({ name: "N=5000: p99 ≤ 300 ms", met: r.wijknet.p99Ms <= 300, value: r.wijknet.p99Ms, limit: 300 });
}
printScriptReport({ ok: errors === 0, errors, metrics, targets, notes: ["deliveries lost or sockets not connected count as errors"] });
