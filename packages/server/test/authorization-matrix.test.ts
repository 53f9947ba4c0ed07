/**
 * The authorization matrix: every case of test/authz-cases.ts for every role, over HTTP
 * (WebSocket for subscriptions); the outcome must be exactly the expected one, and every
 * field of the schema must have a case (a new field cannot ship without a decision).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { buildSchema } from "../src/graphql/schema.js";
import { CONTACTS_MODULE, type AuthzCase, type Fixtures } from "./authz-cases.js";
import { SESSIONS_MODULE } from "./authz-cases-sessions.js";
import { PARTNERS_MODULE } from "./authz-cases-partners.js";
import { COMPLAINTS_MODULE } from "./authz-cases-complaints.js";
import { SIGNALS_MODULE } from "./authz-cases-signals.js";
import { ACCOUNTS_MODULE } from "./authz-cases-accounts.js";
import { ALERT_DELIVERY_MODULE } from "./authz-cases-alert-delivery.js";
import { MONITORING_MODULE } from "./authz-cases-monitoring.js";
import { createUser } from "./support/factories.js";
import { errorCode, gql, startTestApp, wsConnect, type GqlResult } from "./support/app.js";
import { createWorld, login, type World, type WorldRole } from "./support/world.js";
import { graphql } from "./generated/index.js";

const CONTACT_EMAIL = graphql(`query MatrixContactEmail($id: ID!) { contact(id: $id) { email } }`);

let app: App;
let w: World;
let ids: Record<string, string>;
const MODULES = [
  CONTACTS_MODULE,
  SESSIONS_MODULE,
  SIGNALS_MODULE,
  ACCOUNTS_MODULE,
  ALERT_DELIVERY_MODULE,
  PARTNERS_MODULE,
  COMPLAINTS_MODULE,
  MONITORING_MODULE,
];
const CASES = MODULES.flatMap((m) => m.cases);

beforeAll(async () => {
  app = await startTestApp();
  w = await createWorld(app);
  ids = {};
  for (const m of MODULES) Object.assign(ids, await m.setup(app, w));
});
afterAll(async () => {
  await app?.stop();
});

const ROLES: WorldRole[] = ["anonymous", "ally", "otherLiaison", "liaison", "admin", "coordinator"];

function outcome(res: GqlResult, probe?: AuthzCase["probe"]): string {
  if (res.errors) return String(errorCode(res));
  const data = res.data ?? {};
  const root = Object.values(data)[0];
  if (root === null || root === undefined) return "NULL";
  return probe ? probe(data) : "OK";
}

/**
 * One operation over a fresh socket. A subscription that stays quiet for a second
 * without an error was accepted ("OK"); a refused socket (anonymous) is UNAUTHENTICATED.
 */
async function overWs(token: string | undefined, query: string, variables: Record<string, unknown>): Promise<string> {
  if (!token) return "UNAUTHENTICATED";
  const { client } = wsConnect(app, token);
  try {
    return await new Promise<string>((resolve) => {
      const quiet = setTimeout(() => resolve("OK"), 1_500);
      client.subscribe(
        { query, variables },
        {
          next: (v) => {
            clearTimeout(quiet);
            resolve(outcome({ status: 200, ...(v as object) }));
          },
          error: (e) => {
            clearTimeout(quiet);
            resolve(outcome({ status: 200, errors: Array.isArray(e) ? e : [{ message: String(e) }] }));
          },
          complete: () => undefined,
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

/** A new account with the same role and districts as the world's user of `role`. */
async function freshUserLike(role: Exclude<WorldRole, "anonymous">) {
  const like = w.users[role];
  const districts = await app.db.prisma.userDistrict.findMany({ where: { userId: like.id } });
  return createUser(app.db.prisma, w.municipality.id, { role: like.role, districtIds: districts.map((d) => d.districtId) });
}

describe("authorization matrix: every case × every role", () => {
  const fx = (role: WorldRole): Fixtures => ({
    app,
    w,
    ids,
    role,
    freshContact: async () =>
      (await app.db.prisma.contact.create({ data: { municipalityId: w.municipality.id, fullName: "Matrix Vers" } })).id,
  });
  for (const c of CASES) {
    it(c.name, async () => {
      const got: Partial<Record<WorldRole, string>> = {};
      for (const role of ROLES) {
        const [query, variables] = await c.operation(fx(role));
        let token = w.tokens[role];
        if (c.ownSession && role !== "anonymous") token = await login(app, w.users[role as Exclude<WorldRole, "anonymous">].email);
        if (c.freshUser && role !== "anonymous") token = await login(app, (await freshUserLike(role)).email);
        got[role] =
          c.transport === "ws" ? await overWs(token, query, variables) : outcome(await gql(app, query, variables, token), c.probe);
      }
      expect(got).toEqual(c.expect);
    });
  }

  it("every root field and every sensitive field of the schema has a decision", () => {
    const covered = new Set(CASES.flatMap((c) => c.covers));
    const schema = buildSchema();
    const required = [
      ...(["Query", "Mutation", "Subscription"] as const).flatMap((root) => {
        const type =
          root === "Query" ? schema.getQueryType() : root === "Mutation" ? schema.getMutationType() : schema.getSubscriptionType();
        return Object.keys(type?.getFields() ?? {}).map((f) => `${root}.${f}`);
      }),
      ...MODULES.flatMap((m) => m.sensitive),
    ];
    expect(
      required.filter((f) => !covered.has(f)),
      "fields without an authorization decision in test/authz-cases.ts",
    ).toEqual([]);
  });

  it("a denied call changes nothing and leaks no data", async () => {
    const res = await gql(
      app,
      graphql(`query MatrixNetworkMembers($id: ID!) { network(id: $id) { name members { contact { email } } } }`),
      { id: ids["allyNetwork"]! },
      w.tokens.liaison,
    );
    expect(JSON.stringify(res)).not.toContain("m@example.org");
    expect(res.data).toBeNull();
  });

  it("the ally sees exactly their own profile and their own networks", async () => {
    const mine = await gql(
      app,
      graphql(`query MatrixMyContact { myContact { id fullName memberships { network { name memberCount } } } networks { name } }`),
      {},
      w.tokens.ally,
    );
    expect(mine.errors).toBeUndefined();
    const current = await app.db.prisma.networkMembership.count({ where: { networkId: ids.allyNetwork, until: null } });
    expect(mine.data!.myContact).toEqual({
      id: w.allyContact.id,
      fullName: "Ally Eigen",
      // An ally reads a member count only from 5 up (core/disclosure.ts).
      memberships: [{ network: { name: "Matrix Noord", memberCount: current >= 5 ? current : null } }],
    });
    expect(mine.data!.networks).toEqual([{ name: "Matrix Noord" }]);
    // Reading their own details is audited (they are not the coordinator).
    const audit = await app.db.prisma.auditEntry.findMany({
      where: { entityId: w.allyContact.id, action: "READ", actorId: w.users.ally.id },
    });
    expect(audit.length).toBeGreaterThan(0);
  });

  it("admin reads of contact details are audited, coordinator reads are not", async () => {
    const before = await app.db.prisma.auditEntry.count({ where: { entityId: ids.contact, action: "READ" } });
    await gql(app, CONTACT_EMAIL, { id: ids["contact"]! }, w.tokens.coordinator);
    expect(await app.db.prisma.auditEntry.count({ where: { entityId: ids.contact, action: "READ" } })).toBe(before);
    await gql(app, CONTACT_EMAIL, { id: ids["contact"]! }, w.tokens.admin);
    const rows = await app.db.prisma.auditEntry.findMany({ where: { entityId: ids.contact, action: "READ" } });
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)!.actorId).toBe(w.users.admin.id);
  });
});
