/**
 * The authorization matrix of networks, contacts and organisations: every operation
 * is tried by every role, and the outcome must be exactly the expected one. A new
 * operation without a row here is a review question, not an accident.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gql, type GqlResult } from "./support/app.js";
import { startTestApp } from "./support/app.js";
import { createWorld, type World, type WorldRole } from "./support/world.js";

let app: App;
let w: World;
let ids: { districtOwn: string; districtOther: string; allyNetwork: string; otherNetwork: string; cityNetwork: string; contact: string; membership: string; org: string; consent: string };

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
  ids = { districtOwn: w.districts[0]!.id, districtOther: w.districts[1]!.id, allyNetwork, otherNetwork, cityNetwork, contact: contact.id, membership, org, consent: contact.consents[0].id };
});
afterAll(async () => {
  await app?.stop();
});

type Outcome = "OK" | "FORBIDDEN" | "UNAUTHENTICATED" | "NOT_FOUND";
const ALL: WorldRole[] = ["coordinator", "admin", "liaison", "otherLiaison", "ally", "anonymous"];

interface Case {
  name: string;
  query: () => [string, Record<string, unknown>];
  expect: Record<WorldRole, Outcome>;
  /** Some mutations change state; they run last for the roles that may. */
  mutates?: boolean;
}

const staff = { coordinator: "OK", admin: "OK" } as const;
const staffOnly = (denied: Outcome = "FORBIDDEN"): Record<WorldRole, Outcome> => ({
  ...staff, liaison: denied, otherLiaison: denied, ally: denied, anonymous: "UNAUTHENTICATED",
});

const cases: Case[] = [
  { name: "contacts list", query: () => [`{ contacts { totalCount } }`, {}], expect: staffOnly() },
  { name: "contact detail", query: () => [`query($id: ID!) { contact(id: $id) { email phone } }`, { id: ids.contact }], expect: staffOnly("NOT_FOUND") },
  { name: "own contact (myContact)", query: () => [`{ myContact { id email } }`, {}], expect: { ...staff, liaison: "OK", otherLiaison: "OK", ally: "OK", anonymous: "UNAUTHENTICATED" } },
  { name: "stale contacts", query: () => [`query($d: ID!) { staleContacts(districtId: $d) { id } }`, { d: ids.districtOwn }], expect: staffOnly() },
  { name: "contact data export", query: () => [`query($id: ID!) { contactDataExport(id: $id) { json } }`, { id: ids.contact }], expect: staffOnly() },
  { name: "contacts CSV export", query: () => [`{ exportContactsCsv { rowCount } }`, {}], expect: staffOnly() },
  { name: "organisations", query: () => [`{ organisations { id } }`, {}], expect: staffOnly() },
  { name: "networks list", query: () => [`{ networks { id } }`, {}], expect: { ...staff, liaison: "OK", otherLiaison: "OK", ally: "OK", anonymous: "UNAUTHENTICATED" } },
  { name: "network in own district (names, counts)", query: () => [`query($id: ID!) { network(id: $id) { name memberCount } }`, { id: ids.allyNetwork }], expect: { ...staff, liaison: "OK", otherLiaison: "NOT_FOUND", ally: "OK", anonymous: "UNAUTHENTICATED" } },
  { name: "network of another district", query: () => [`query($id: ID!) { network(id: $id) { name } }`, { id: ids.otherNetwork }], expect: { ...staff, liaison: "NOT_FOUND", otherLiaison: "OK", ally: "NOT_FOUND", anonymous: "UNAUTHENTICATED" } },
  { name: "city-wide network", query: () => [`query($id: ID!) { network(id: $id) { name } }`, { id: ids.cityNetwork }], expect: { ...staff, liaison: "NOT_FOUND", otherLiaison: "NOT_FOUND", ally: "NOT_FOUND", anonymous: "UNAUTHENTICATED" } },
  { name: "network members (contact details)", query: () => [`query($id: ID!) { network(id: $id) { members { contact { email } } } }`, { id: ids.allyNetwork }], expect: { ...staff, liaison: "FORBIDDEN", otherLiaison: "NOT_FOUND", ally: "FORBIDDEN", anonymous: "UNAUTHENTICATED" } },
  { name: "health of own district", query: () => [`query($d: ID!) { networkHealth(districtId: $d) { allies { value } } }`, { d: ids.districtOwn }], expect: { ...staff, liaison: "OK", otherLiaison: "FORBIDDEN", ally: "FORBIDDEN", anonymous: "UNAUTHENTICATED" } },
  { name: "create contact", query: () => [`mutation { createContact(input: { fullName: "Nieuw" }) { id } }`, {}], expect: staffOnly() },
  { name: "update contact", query: () => [`mutation($id: ID!) { updateContact(id: $id, input: { notes: "x" }) { id } }`, { id: ids.contact }], expect: staffOnly() },
  { name: "log interaction", query: () => [`mutation($id: ID!) { logInteraction(input: { contactId: $id, kind: CALL }) { id } }`, { id: ids.contact }], expect: staffOnly() },
  { name: "record consent", query: () => [`mutation($id: ID!) { recordConsent(input: { contactId: $id, consent: { purpose: SIGNAL_FOLLOW_UP, legalBasis: PUBLIC_TASK } }) { id } }`, { id: ids.contact }], expect: staffOnly() },
  { name: "import contacts (dry run)", query: () => [`mutation { importContacts(input: { csv: "naam\\nIemand" }) { rowCount } }`, {}], expect: staffOnly() },
  { name: "create organisation", query: () => [`mutation($n: String!) { createOrganisation(input: { name: $n, kind: OTHER }) { id } }`, { n: `Org ${Math.random()}` }], expect: staffOnly() },
  { name: "create network", query: () => [`mutation($n: String!) { createNetwork(input: { kind: OTHER, name: $n }) { id } }`, { n: `Net ${Math.random()}` }], expect: staffOnly() },
  { name: "add member", query: () => [`mutation($n: ID!, $c: ID!) { addNetworkMember(input: { networkId: $n, contactId: $c }) { id } }`, { n: ids.cityNetwork, c: ids.contact }], expect: staffOnly(), mutates: true },
  { name: "withdraw consent", query: () => [`mutation($id: ID!) { withdrawConsent(id: $id) { id } }`, { id: ids.consent }], expect: staffOnly(), mutates: true },
  { name: "end membership", query: () => [`mutation($id: ID!) { endMembership(id: $id) { id } }`, { id: ids.membership }], expect: staffOnly(), mutates: true },
];

function outcome(res: GqlResult): Outcome | string {
  if (!res.errors) return "OK";
  return String(errorCode(res));
}

describe("authorization matrix: role × operation", () => {
  // Denied roles first, so the state a mutation needs is still there for them; of the
  // allowed roles only one runs a state-changing mutation (the other would CONFLICT).
  const order: WorldRole[] = ["anonymous", "ally", "otherLiaison", "liaison", "admin", "coordinator"];
  for (const c of cases) {
    it(c.name, async () => {
      const got: Partial<Record<WorldRole, string>> = {};
      for (const role of order) {
        if (c.mutates && role === "coordinator") continue;
        const [query, variables] = c.query();
        got[role] = outcome(await gql(app, query, variables, w.tokens[role]));
      }
      const want = Object.fromEntries(ALL.filter((r) => got[r] !== undefined).map((r) => [r, c.expect[r]]));
      expect(got).toEqual(want);
    });
  }

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
