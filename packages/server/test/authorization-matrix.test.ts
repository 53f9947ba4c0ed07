/**
 * The authorization matrix: every case of test/authz-cases.ts for every role, over HTTP
 * (WebSocket for subscriptions); the outcome must be exactly the expected one, and every
 * field of the schema must have a case (a new field cannot ship without a decision).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { buildSchema } from "../src/graphql/schema.js";
import { CASES, SENSITIVE_FIELDS, type Fixtures } from "./authz-cases.js";
import { errorCode, gql, startTestApp, wsConnect, type GqlResult } from "./support/app.js";
import { createWorld, login, type World, type WorldRole } from "./support/world.js";

let app: App;
let w: World;
let ids: Record<string, string>;

beforeAll(async () => {
  app = await startTestApp();
  w = await createWorld(app);
  const c = (q: string, v: Record<string, unknown> = {}) => gql(app, q, v, w.tokens.coordinator);
  const net = async (input: Record<string, unknown>) => (await c(`mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }`, { i: input })).data!.createNetwork.id as string;
  const allyNetwork = await net({ kind: "ALLIES", name: "Matrix Noord", districtId: w.districts[0]!.id });
  const otherNetwork = await net({ kind: "ALLIES", name: "Matrix Zuid", districtId: w.districts[1]!.id });
  const cityNetwork = await net({ kind: "CITYWIDE_ALLIES", name: "Matrix Stad" });
  const contact = (await c(`mutation { createContact(input: { fullName: "Matrix Contact", email: "m@example.org", consents: [{ purpose: NEWSLETTER, legalBasis: CONSENT }] }) { id consents { id } } }`)).data!.createContact;
  const membership = (await c(`mutation($n: ID!, $c: ID!) { addNetworkMember(input: { networkId: $n, contactId: $c }) { id } }`, { n: allyNetwork, c: contact.id })).data!.addNetworkMember.id;
  await c(`mutation($n: ID!, $c: ID!) { addNetworkMember(input: { networkId: $n, contactId: $c }) { id } }`, { n: allyNetwork, c: w.allyContact.id });
  const org = (await c(`mutation { createOrganisation(input: { name: "Matrix Org", kind: OTHER }) { id } }`)).data!.createOrganisation.id;
  const spareNetwork = await net({ kind: "OTHER", name: "Matrix Reserve" });
  ids = { districtOwn: w.districts[0]!.id, districtOther: w.districts[1]!.id, allyNetwork, otherNetwork, cityNetwork, spareNetwork, contact: contact.id, membership, org, consent: contact.consents[0].id };
});
afterAll(async () => {
  await app?.stop();
});

const ROLES: WorldRole[] = ["anonymous", "ally", "otherLiaison", "liaison", "admin", "coordinator"];

function outcome(res: GqlResult): string {
  if (!res.errors) return "OK";
  return String(errorCode(res));
}

/** One operation over a fresh socket; a refused socket (anonymous) counts as UNAUTHENTICATED. */
async function overWs(token: string | undefined, query: string, variables: Record<string, unknown>): Promise<string> {
  if (!token) return "UNAUTHENTICATED";
  const { client } = wsConnect(app, token);
  try {
    const result = await new Promise<GqlResult>((resolve) => {
      let last: GqlResult = { status: 200 };
      client.subscribe({ query, variables }, {
        next: (v) => (last = { status: 200, ...(v as object) }),
        error: (e) => resolve({ status: 200, errors: Array.isArray(e) ? e : [{ message: String(e) }] }),
        complete: () => resolve(last),
      });
    });
    return outcome(result);
  } finally {
    await client.dispose();
  }
}

describe("authorization matrix: every case × every role", () => {
  const fx = (): Fixtures => ({
    app, w, ids,
    freshContact: async () => (await app.db.prisma.contact.create({ data: { municipalityId: w.municipality.id, fullName: "Matrix Vers" } })).id,
  });
  for (const c of CASES) {
    it(c.name, async () => {
      const got: Partial<Record<WorldRole, string>> = {};
      for (const role of ROLES) {
        const [query, variables] = await c.operation(fx());
        let token = w.tokens[role];
        if (c.ownSession && role !== "anonymous") token = await login(app, w.users[role as Exclude<WorldRole, "anonymous">].email);
        got[role] = c.transport === "ws" ? await overWs(token, query, variables) : outcome(await gql(app, query, variables, token));
      }
      expect(got).toEqual(c.expect);
    });
  }

  it("every root field and every sensitive field of the schema has a decision", () => {
    const covered = new Set(CASES.flatMap((c) => c.covers));
    const schema = buildSchema();
    const required = [
      ...(["Query", "Mutation", "Subscription"] as const).flatMap((root) => {
        const type = root === "Query" ? schema.getQueryType() : root === "Mutation" ? schema.getMutationType() : schema.getSubscriptionType();
        return Object.keys(type?.getFields() ?? {}).map((f) => `${root}.${f}`);
      }),
      ...SENSITIVE_FIELDS,
    ];
    expect(required.filter((f) => !covered.has(f)), "fields without an authorization decision in test/authz-cases.ts").toEqual([]);
  });

  it("a denied call changes nothing and leaks no data", async () => {
    const res = await gql(app, `query($id: ID!) { network(id: $id) { name members { contact { email } } } }`, { id: ids.allyNetwork }, w.tokens.liaison);
    expect(JSON.stringify(res)).not.toContain("m@example.org");
    expect(res.data).toBeNull();
  });

  it("the ally sees exactly their own profile and their own networks", async () => {
    const mine = await gql(app, `{ myContact { id fullName memberships { network { name memberCount } } } networks { name } }`, {}, w.tokens.ally);
    expect(mine.errors).toBeUndefined();
    const current = await app.db.prisma.networkMembership.count({ where: { networkId: ids.allyNetwork, until: null } });
    expect(mine.data!.myContact).toEqual({ id: w.allyContact.id, fullName: "Ally Eigen", memberships: [{ network: { name: "Matrix Noord", memberCount: current } }] });
    expect(mine.data!.networks).toEqual([{ name: "Matrix Noord" }]);
    // Reading their own details is audited (they are not the coordinator).
    const audit = await app.db.prisma.auditEntry.findMany({ where: { entityId: w.allyContact.id, action: "READ", actorId: w.users.ally.id } });
    expect(audit.length).toBeGreaterThan(0);
  });

  it("admin reads of contact details are audited, coordinator reads are not", async () => {
    const before = await app.db.prisma.auditEntry.count({ where: { entityId: ids.contact, action: "READ" } });
    await gql(app, `query($id: ID!) { contact(id: $id) { email } }`, { id: ids.contact }, w.tokens.coordinator);
    expect(await app.db.prisma.auditEntry.count({ where: { entityId: ids.contact, action: "READ" } })).toBe(before);
    await gql(app, `query($id: ID!) { contact(id: $id) { email } }`, { id: ids.contact }, w.tokens.admin);
    const rows = await app.db.prisma.auditEntry.findMany({ where: { entityId: ids.contact, action: "READ" } });
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)!.actorId).toBe(w.users.admin.id);
  });
});
