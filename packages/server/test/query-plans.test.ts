/**
 * The hot coordinator queries of issue 21 must be able to use an index on every large table.
 * Records every SQL statement (with its parameters) the server sends while answering each
 * query over a municipality of 20,000 contacts (analysed), then asks PostgreSQL for each
 * statement's plan; lists that must read an index in their own order are planned with sorts
 * priced out (`enable_sort = off`: a Sort then means no index gives the order). The test fails
 * when a change leaves a large table without a usable index (ILIKE over every contact, an OR
 * the planner cannot split, a sort of a whole district). The figures at 100,000 contacts are
 * the bench's (`bench/large-seed.ts`).
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { App } from "../src/app.js";
import { migrateDeploy } from "../src/platform/db/migrate.js";
import { gql, startTestApp } from "./support/app.js";
import { createWorld, type World } from "./support/world.js";
import { graphql } from "./generated/index.js";
import type { TypedDocumentString } from "./generated/graphql.js";

/** Tables that grow with the region; small ones (districts, networks, users) may be scanned. */
const LARGE = new Set([
  "Contact",
  "ContactDistrict",
  "ContactRole",
  "Consent",
  "NetworkMembership",
  "Interaction",
  "Invitation",
  "Registration",
  "Signal",
  "AuditEntry",
]);

let app: App;
let w: World;
let networkId: string;
let recorded: Array<{ text: string; values: unknown[] }> | null = null;
const originalQuery = pg.Client.prototype.query;
let explainer: pg.Client;
/**
 * Its own database: plans follow the statistics of the whole table, and other test files
 * filling the run's shared database at the same time changed them (a flaky sequential scan).
 */
let ownDatabase: { url: string; drop: () => Promise<void> };

async function createOwnDatabase(): Promise<typeof ownDatabase> {
  const url = new URL(inject("databaseUrl"));
  const name = `${url.pathname.slice(1)}_plans`;
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await run(`CREATE DATABASE "${name}"`);
  url.pathname = `/${name}`;
  await migrateDeploy(url.toString(), () => undefined);
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

beforeAll(async () => {
  ownDatabase = await createOwnDatabase();
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string; values?: unknown[] };
    if (recorded && this !== explainer) {
      const text = typeof first === "string" ? first : (first?.text ?? "");
      const values = typeof first === "string" ? ((args[1] as unknown[]) ?? []) : (first?.values ?? []);
      recorded.push({ text, values });
    }
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
  app = await startTestApp({
    DATABASE_URL: ownDatabase.url,
    OUTBOX_POLL_INTERVAL_MS: "60000",
    ESCALATION_SWEEP_INTERVAL_MS: "600000",
    REDIS_URL: "",
  });
  w = await createWorld(app);
  const prisma = app.db.prisma;
  const network = await prisma.network.create({
    data: { municipalityId: w.municipality.id, kind: "ALLIES", name: "Plannetwerk", districtId: w.districts[0]!.id },
  });
  networkId = network.id;
  for (let i = 0; i < 6; i++) {
    const contact = await prisma.contact.create({
      data: {
        municipalityId: w.municipality.id,
        fullName: `Jan Planner ${i}`,
        email: `jan.planner.${i}@example.org`,
        districts: { create: [{ districtId: w.districts[0]!.id }] },
        roles: { create: [{ title: "vrijwilliger" }] },
      },
    });
    await prisma.networkMembership.create({ data: { networkId, contactId: contact.id, since: new Date() } });
  }
  explainer = new pg.Client({ connectionString: ownDatabase.url });
  await explainer.connect();
  // Enough rows for real plans: 20,000 contacts in this test's municipality (a tenth of them in
  // the network), then fresh statistics. With a handful of rows any plan is cheap and the
  // planner happily scans; at this size it scans only when no index can answer.
  await explainer.query(
    `INSERT INTO "Contact" ("id", "municipalityId", "fullName", "email", "phone", "lastInteractionAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, 'Persoon ' || i, 'p' || i || '@example.org', '+3160' || lpad(i::text, 7, '0'),
            CASE WHEN i % 5 = 0 THEN NULL ELSE now() - (i % 400) * interval '1 day' END, now()
     FROM generate_series(1, 20000) i`,
    [w.municipality.id],
  );
  await explainer.query(
    `INSERT INTO "ContactDistrict" ("contactId", "districtId")
     SELECT c."id", ($2::uuid[])[1 + (abs(hashtext(c."id"::text)) % 3)] FROM "Contact" c
     WHERE c."municipalityId" = $1::uuid AND c."fullName" LIKE 'Persoon %'`,
    [w.municipality.id, w.districts.map((d) => d.id)],
  );
  await explainer.query(
    `INSERT INTO "NetworkMembership" ("id", "networkId", "contactId", "since")
     SELECT gen_random_uuid(), $2::uuid, c."id", now() FROM "Contact" c
     WHERE c."municipalityId" = $1::uuid AND c."fullName" LIKE 'Persoon %' AND right(c."fullName", 1) = '7'`,
    [w.municipality.id, networkId],
  );
  await explainer.query(
    `INSERT INTO "ContactRole" ("id", "contactId", "title")
     SELECT gen_random_uuid(), c."id", 'rol ' || right(c."fullName", 3) FROM "Contact" c
     WHERE c."municipalityId" = $1::uuid AND c."fullName" LIKE 'Persoon %'`,
    [w.municipality.id],
  );
  await explainer.query(`ANALYZE "Contact", "ContactDistrict", "NetworkMembership", "ContactRole"`);
}, 60_000);
afterAll(async () => {
  pg.Client.prototype.query = originalQuery;
  await explainer?.end();
  await app?.stop();
  await ownDatabase?.drop();
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

function* nodes(plan: PlanNode): Generator<PlanNode> {
  yield plan;
  for (const child of plan.Plans ?? []) yield* nodes(child);
}

/** The statements the server sent for one request, each with its plan under the given settings. */
async function plansOf<TResult, TVariables>(
  doc: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  settings: { noSort?: boolean } = {},
): Promise<Array<{ text: string; plan: PlanNode }>> {
  recorded = [];
  const res = await gql(app, doc, variables as never, w.tokens.coordinator);
  const statements = recorded;
  recorded = null;
  expect(res.errors).toBeUndefined();
  const selects = statements.filter((s) => /^\s*(SELECT|WITH)\b/i.test(s.text));
  expect(selects.length).toBeGreaterThan(0);
  const out: Array<{ text: string; plan: PlanNode }> = [];
  await explainer.query("BEGIN");
  try {
    if (settings.noSort) await explainer.query("SET LOCAL enable_sort = off");
    for (const s of selects) {
      const result = await explainer.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) ${s.text}`, s.values);
      out.push({ text: s.text, plan: result.rows[0]!["QUERY PLAN"][0]!.Plan });
    }
  } finally {
    await explainer.query("ROLLBACK");
  }
  return out;
}

/**
 * Seq Scans of large tables, except in a list's total (SELECT COUNT): a total over a filter
 * that holds most of the municipality reads every row it counts, by scan or by index.
 */
function seqScansOfLargeTables(plans: Array<{ text: string; plan: PlanNode }>): string[] {
  return plans
    .filter(({ text }) => !/^\s*SELECT COUNT\(\*\)/i.test(text))
    .flatMap(({ text, plan }) =>
      [...nodes(plan)]
        .filter((n) => n["Node Type"] === "Seq Scan" && LARGE.has(n["Relation Name"] ?? ""))
        .map((n) => `${n["Relation Name"]} in: ${text.replace(/\s+/g, " ").slice(0, 240)}`),
    );
}

const LIST = graphql(`query PlansContacts($filter: ContactFilter, $first: Int) {
  contacts(filter: $filter, first: $first) { totalCount edges { node { id fullName } } } }`);
const STALE = graphql(`query PlansStale($d: ID!) { staleContacts(districtId: $d) { id fullName } }`);
const MEMBERS = graphql(`query PlansMembers($n: ID!) { network(id: $n) { memberPage(first: 50) { edges { node { id role } } } } }`);

describe("query plans of the coordinator's hot queries (no sequential scan of a large table)", () => {
  it("contacts(first: 20)", async () => {
    expect(seqScansOfLargeTables(await plansOf(LIST, { first: 20 }))).toEqual([]);
  });

  it("contacts(filter: { text }): every matched field through its trigram index", async () => {
    expect(seqScansOfLargeTables(await plansOf(LIST, { filter: { text: "jan" }, first: 20 }))).toEqual([]);
    expect(seqScansOfLargeTables(await plansOf(LIST, { filter: { text: "Özdemir-de" }, first: 20 }))).toEqual([]);
    expect(seqScansOfLargeTables(await plansOf(LIST, { filter: { text: "0612" }, first: 20 }))).toEqual([]);
  });

  it("contacts(filter: { districtId, stale: true })", async () => {
    expect(seqScansOfLargeTables(await plansOf(LIST, { filter: { districtId: w.districts[0]!.id, stale: true }, first: 20 }))).toEqual([]);
  });

  it("staleContacts(districtId) reads the stale index in its order: no scan, no sort", async () => {
    const plans = await plansOf(STALE, { d: w.districts[0]!.id }, { noSort: true });
    expect(seqScansOfLargeTables(plans)).toEqual([]);
    const contactList = plans.filter((p) => /FROM "public"\."Contact"/.test(p.text) && /ORDER BY/.test(p.text));
    expect(contactList.length).toBe(1);
    expect([...nodes(contactList[0]!.plan)].map((n) => n["Node Type"])).not.toContain("Sort");
  });

  it("network(id) { memberPage } reads the membership index in its order: no scan, no sort", async () => {
    const plans = await plansOf(MEMBERS, { n: networkId }, { noSort: true });
    expect(seqScansOfLargeTables(plans)).toEqual([]);
    const page = plans.filter((p) => /FROM "NetworkMembership"/.test(p.text));
    expect(page.length).toBe(1);
    expect([...nodes(page[0]!.plan)].map((n) => n["Node Type"])).not.toContain("Sort");
  });
});
