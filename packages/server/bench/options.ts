import { z } from "zod";

/**
 * Every environment variable `pnpm bench` reads, parsed once (the harness's counterpart of
 * src/config.ts; the server under test still gets its settings through loadConfig).
 */
const schema = z.object({
  BENCH_DURATION_S: z.coerce
    .number()
    .positive()
    .max(3600)
    .default(10)
    .describe("measured seconds per scenario (and per baseline), split over BENCH_ROUNDS alternating rounds"),
  BENCH_WARMUP_S: z.coerce
    .number()
    .min(0)
    .max(600)
    .default(2)
    .describe("unmeasured warm-up seconds before the first round of each load; later rounds warm up min(this, 0.5 s)"),
  BENCH_ROUNDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(20)
    .default(3)
    .describe("baseline and scenarios alternate this many times, so drift hits both alike"),
  BENCH_ONLY: z.string().optional().describe("comma-separated scenario (and script) names to run; the baseline always runs"),
  BENCH_DATABASE_ADMIN_URL: z
    .url({ protocol: /^postgres(ql)?$/ })
    .default("postgresql://postgres@127.0.0.1:5432/postgres")
    .describe("PostgreSQL admin connection; the bench creates and drops its own wijknet_bench_* database"),
  BENCH_REDIS_URL: z
    .url({ protocol: /^rediss?$/ })
    .default("redis://127.0.0.1:6379")
    .describe("Redis for the server under test (the production shape: doorbell over Redis)"),
});

/** A mistake in how the bench was invoked: reported as its message alone, without a stack. */
export class BenchConfigError extends Error {
  override name = "BenchConfigError";
}

export type BenchOptions = Omit<z.infer<typeof schema>, "BENCH_ONLY"> & { only: string[] | null };

export function loadBenchOptions(env: Record<string, string | undefined> = process.env): BenchOptions {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new BenchConfigError(`Invalid bench configuration:\n${lines.join("\n")}`);
  }
  const { BENCH_ONLY, ...rest } = result.data;
  const only = BENCH_ONLY
    ? BENCH_ONLY.split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : null;
  return { ...rest, only };
}

export function describeBenchOptions(): Array<{ name: string; description: string }> {
  return Object.entries(schema.shape).map(([name, s]) => ({ name, description: s.description ?? "" }));
}
