/**
 * What `pnpm bench` measures, as data. Two kinds:
 *
 * - HTTP scenarios (`SCENARIOS`): one GraphQL operation sent over and over by `concurrency`
 *   closed-loop clients. Each is measured against the baseline (`BASELINE_QUERY`, the cheapest
 *   authenticated request there is) at the same concurrency with the same account's token, in
 *   the same run against the same server, alternating rounds. The report gives both ratios; a
 *   `target` is checked against them.
 *
 * - Bench scripts (`SCRIPTS`): a standalone program for what one repeated request cannot
 *   express (WebSocket fan-out, multi-instance delivery). run.ts starts it after the HTTP
 *   scenarios, against the same server and database, and includes its JSON report. The contract
 *   (environment in, one JSON line out) is in `script-contract.ts`.
 *
 * Adding a scenario: append an entry below; `BENCH_ONLY=<name> pnpm bench` runs just it.
 * Targets are ratios, never absolute times: machines differ, ratios travel.
 */
import type { PrismaClient } from "../src/generated/prisma/client.js";
import type { DEMO_USERS } from "../src/seed/demo.js";

export type DemoAccount = (typeof DEMO_USERS)[number]["email"];

export interface Target {
  /** Scenario requests/s ÷ baseline requests/s must be at least this (0.3 = at least 30 % of the baseline's throughput). */
  minRpsRatio?: number;
  /** Scenario p99 latency ÷ baseline p99 latency must be at most this (4 = at most four times the baseline's tail). */
  maxP99Ratio?: number;
}

export interface HttpScenario {
  /** Lower-case words joined by dashes; what BENCH_ONLY selects and the JSON is keyed by. */
  name: string;
  description: string;
  query: string;
  /** Fixed variables, or a function that looks them up in the seeded database (ids are not fixed). */
  variables?: Record<string, unknown> | ((prisma: PrismaClient) => Promise<Record<string, unknown>>);
  /** Whose token the clients send (the baseline then uses the same one). Default: the demo coordinator. */
  as?: DemoAccount;
  /** Closed-loop clients. Default 10. */
  concurrency?: number;
  target?: Target;
}

export interface BenchScript {
  /** As for scenarios: BENCH_ONLY selects by it. */
  name: string;
  description: string;
  /** File in packages/server/bench/, run with tsx in its own process. */
  script: string;
  /** Killed (and reported as failed) after this long. Default: 6 × BENCH_DURATION_S + 120 s. */
  timeoutS?: number;
}

export const DEFAULT_ACCOUNT: DemoAccount = "coordinator@wijknet.example";
export const DEFAULT_CONCURRENCY = 10;

/**
 * The baseline: a request that goes through everything every request pays for (HTTP, body
 * parsing, Apollo, CSRF check, token authentication against the database, context with fresh
 * loaders) and resolves nothing.
 */
export const BASELINE_QUERY = "query Baseline { __typename }";

export const SCENARIOS: HttpScenario[] = [
  {
    name: "districts",
    description: "the district list every screen loads (10 rows, one query)",
    query: "query Districts { districts { id name } }",
    target: { minRpsRatio: 0.3 },
  },
  {
    name: "network-health-dashboard",
    description: "the coordinator's dashboard of one district (Overvecht): every aggregate, suppressed",
    query: `query NetworkHealth($districtId: ID!) { networkHealth(districtId: $districtId) {
      district { name } allies { value suppressed } activeMembers { value suppressed }
      youthByAgeBand { ageBand count { value suppressed } } youthShare newMembers { value suppressed }
      lostMembers { value suppressed } staleMembers { value suppressed } staleShare sessionsHeld
      attendees { value suppressed } turnout } }`,
    variables: async (prisma) => {
      const district = await prisma.district.findFirstOrThrow({ where: { code: "overvecht", municipality: { code: "GM0344" } } });
      return { districtId: district.id };
    },
    target: { minRpsRatio: 0.3 },
  },
];

export const SCRIPTS: BenchScript[] = [
  {
    name: "large-seed",
    description:
      "the coordinator's queries on the demo seed and on demo + 100,000 contacts (seed:large): median of 15 ≤ 30 ms and rps ratio within 2× of the demo seed's",
    script: "large-seed.ts",
    timeoutS: 1_800,
  },
  {
    name: "contact-import",
    description:
      "50,000 Dutch Excel rows (Windows-1252, sep=;) uploaded and imported through POST /import/contacts vs a plain csv-parse pass; peak RSS < 300 MB",
    script: "contact-import.ts",
    timeoutS: 1_800,
  },
  {
    name: "fuzz",
    description: "10,000 hostile HTTP requests + 2,000 hostile WebSocket frames; normal query p99 alongside ≤ 2× its baseline",
    script: "fuzz.ts",
    timeoutS: 1_200,
  },
  {
    name: "bare-apollo",
    description: "authenticated and anonymous { __typename } vs a bare Apollo Server 5 in its own process; authenticated ≥ 0.7×",
    script: "apollo-baseline-script.ts",
    timeoutS: 600,
  },
  {
    name: "ws-storm",
    description: "2,000 WebSocket clients resume the signal feed with `after` at once (default pool); all converge with no errors",
    script: "storm-script.ts",
    timeoutS: 600,
  },
  {
    name: "ws-fanout",
    description: "one signal event fanned out to 1,000 and 5,000 WebSocket subscribers vs a plain ws broadcast (bench/fanout.ts)",
    script: "fanout-script.ts",
    timeoutS: 1_800,
  },
];
