import { z } from "zod";

/**
 * The contract between run.ts and a bench script listed in `SCRIPTS` (scenarios.ts).
 *
 * In: run.ts starts `tsx bench/<script>` with the environment below, after the HTTP scenarios,
 * while the server it started is idle. A script may start more server instances of its own
 * (startApp with BENCH_DATABASE_URL and BENCH_REDIS_URL) and must stop everything it started.
 *
 * Out: progress lines on stderr (passed through), and as the LAST line on stdout one JSON
 * object matching `scriptReportSchema`. Exit code 0 unless the script itself broke. A report
 * with `errors > 0`, `ok: false` or an unmet target fails the bench run like an HTTP scenario.
 * Like the scenarios, targets should be ratios against a baseline measured in the same run.
 */
export interface ScriptEnv {
  /** Base URL of the server under test, e.g. http://127.0.0.1:41234 (GraphQL at /graphql, WebSocket at ws://…/graphql). */
  BENCH_URL: string;
  /** A valid token of the demo coordinator (more accounts: log in with DEMO_PASSWORD from src/seed/demo.ts). */
  BENCH_TOKEN: string;
  /** The bench's throwaway database, migrated and seeded with the demo data. */
  BENCH_DATABASE_URL: string;
  BENCH_REDIS_URL: string;
  /** Measured seconds and warm-up seconds the user asked for; scale the work to them. */
  BENCH_DURATION_S: string;
  BENCH_WARMUP_S: string;
}

export const scriptReportSchema = z.object({
  /** False when the script judged its own run invalid (e.g. lost messages). */
  ok: z.boolean(),
  /** Failed operations of any kind: GraphQL errors, lost or duplicated events, closed sockets. */
  errors: z.number().int().min(0),
  /** Named measurements, each with its unit in the name: `deliveryP99Ms`, `eventsPerS`, `p99Ratio`. */
  metrics: z.record(z.string(), z.number()),
  targets: z
    .array(
      z.object({
        name: z.string(),
        met: z.boolean(),
        value: z.number().optional(),
        limit: z.number().optional(),
      }),
    )
    .default([]),
  notes: z.array(z.string()).default([]),
});

export type ScriptReport = z.infer<typeof scriptReportSchema>;

/** For scripts: reads the contract's environment, throwing a clear error when a variable is missing. */
export function readScriptEnv(env: Record<string, string | undefined> = process.env): ScriptEnv {
  const keys = ["BENCH_URL", "BENCH_TOKEN", "BENCH_DATABASE_URL", "BENCH_REDIS_URL", "BENCH_DURATION_S", "BENCH_WARMUP_S"] as const;
  const missing = keys.filter((k) => !env[k]);
  if (missing.length) throw new Error(`run me through \`pnpm bench\` (missing ${missing.join(", ")})`);
  return Object.fromEntries(keys.map((k) => [k, env[k]!])) as unknown as ScriptEnv;
}

/** For scripts: prints the report as the final stdout line. */
export function printScriptReport(report: z.input<typeof scriptReportSchema>): void {
  process.stdout.write(`${JSON.stringify(scriptReportSchema.parse(report))}\n`);
}
