/**
 * N+1 guard: records every SQL statement the server sends while answering a list query
 * and fails if the number grows with the page size. Every relation must go through a
 * per-request DataLoader (one statement per relation per request, whatever the page).
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { gql, startTestApp } from "./support/app.js";
import { createWorld, login, type World } from "./support/world.js";
import { graphql } from "./generated/index.js";
import type { TypedDocumentString } from "./generated/graphql.js";

let app: App;
let w: World;
let statements: string[] | null = null;
const originalQuery = pg.Client.prototype.query;

beforeAll(async () => {
  // Count at the driver: whatever Prisma or raw SQL sends goes through Client#query.
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    if (statements) statements.push(typeof first === "string" ? first : (first?.text ?? "?"));
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;

  // Background reads (outbox poll, escalation sweep, doorbell rings of other test files
  // through the shared Redis) would be counted too: quiet and in-process for this test.
  app = await startTestApp({ OUTBOX_POLL_INTERVAL_MS: "60000", ESCALATION_SWEEP_INTERVAL_MS: "600000", REDIS_URL: "" });
  w = await createWorld(app);
  const prisma = app.db.prisma;
  const m = w.municipality.id;
  const org = await prisma.organisation.create({ data: { municipalityId: m, name: "N1 Org", kind: "SCHOOL" } });
  for (let n = 0; n < 8; n++) {
    const network = await prisma.network.create({
      data: { municipalityId: m, kind: "ALLIES", name: `N1 netwerk ${n}`, districtId: w.districts[n % 3]!.id },
    });
    for (let i = 0; i < 3; i++) {
      const contact = await prisma.contact.create({
        data: {
          municipalityId: m,
          fullName: `N1 persoon ${n}-${i}`,
          lastInteractionAt: new Date(),
          districts: { create: [{ districtId: w.districts[i]!.id }] },
          roles: { create: [{ title: "lid", organisationId: org.id }] },
          consents: { create: [{ purpose: "NETWORK_MEMBERSHIP", legalBasis: "CONSENT", givenAt: new Date() }] },
          interactions: { create: [{ kind: "CALL", occurredAt: new Date(), authorId: w.users.coordinator.id }] },
        },
      });
      await prisma.networkMembership.create({ data: { networkId: network.id, contactId: contact.id, since: new Date() } });
    }
  }
});
afterAll(async () => {
  pg.Client.prototype.query = originalQuery;
  await app?.stop();
});

const TYPENAME = graphql(`query QueryCountTypename { __typename }`);

async function countStatements<TResult, TVariables>(
  query: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  token: string | undefined,
) {
  // The token's session is resolved (and cached) first, so only the query's own statements count.
  await gql(app, TYPENAME, {}, token);
  statements = [];
  const res = await gql(app, query as TypedDocumentString<TResult, Record<string, unknown>>, variables as Record<string, unknown>, token);
  const recorded = statements;
  statements = null;
  expect(res.errors).toBeUndefined();
  return { count: recorded.length, statements: recorded, data: res.data };
}

const CONTACTS =
  graphql(`query QueryCountContacts($first: Int) { contacts(filter: { text: "N1 persoon" }, first: $first) { totalCount edges { node {
  id fullName stale roles { title organisation { name contactCount } } districts { name municipality { name } }
  memberships { role network { name memberCount district { name } } } consents { purpose } interactions { kind author { displayName } }
} } } }`);

const NETWORKS = graphql(`query QueryCountNetworks { networks(filter: { kind: ALLIES }) { name memberCount district { name }
  members { role contact { fullName roles { organisation { name } } districts { name } } } } }`);

describe("no N+1: statements do not grow with the page size", () => {
  it("contacts with every relation", async () => {
    const small = await countStatements(CONTACTS, { first: 3 }, w.tokens.coordinator);
    const large = await countStatements(CONTACTS, { first: 20 }, w.tokens.coordinator);
    expect(small.data!.contacts.edges).toHaveLength(3);
    expect(large.data!.contacts.edges).toHaveLength(20);
    expect(large.data!.contacts.edges[0]!.node.roles[0]!.organisation!.name).toBe("N1 Org");
    expect(large.count, large.statements.join("\n")).toBe(small.count);
    // And the number is small: one per relation, not one per row.
    expect(large.count).toBeLessThanOrEqual(20);
  });

  it("networks with members and their relations", async () => {
    await app.db.prisma.network.updateMany({
      where: { municipalityId: w.municipality.id, name: { in: ["N1 netwerk 6", "N1 netwerk 7"] } },
      data: { archivedAt: new Date() },
    });
    const fewer = await countStatements(NETWORKS, {}, w.tokens.coordinator);
    await app.db.prisma.network.updateMany({ where: { municipalityId: w.municipality.id }, data: { archivedAt: null } });
    const more = await countStatements(NETWORKS, {}, w.tokens.coordinator);
    expect(more.data!.networks.length).toBe(fewer.data!.networks.length + 2);
    expect(more.count, more.statements.join("\n")).toBe(fewer.count);
  });

  it("the admin's audited list writes its audit rows in one statement", async () => {
    const small = await countStatements(CONTACTS, { first: 3 }, w.tokens.admin);
    const large = await countStatements(CONTACTS, { first: 20 }, w.tokens.admin);
    expect(large.count, large.statements.join("\n")).toBe(small.count);
  });
});

const VIEWER_ROLE = graphql(`query QueryCountViewer { viewer { role } }`);

describe("authentication", () => {
  it("a session resolved moments ago costs no SQL; after logout the token is refused at once", async () => {
    const token = await login(app, w.users.otherLiaison.email);
    statements = [];
    await gql(app, TYPENAME, {}, token);
    expect(statements.length).toBeGreaterThan(0); // the session, resolved from the database once
    const again = await countStatements(TYPENAME, {}, token);
    expect(again.count, again.statements.join("\n")).toBe(0);
    expect((await gql(app, VIEWER_ROLE, {}, token)).data).toEqual({ viewer: { role: "POLICE_LIAISON" } });
    expect((await gql(app, graphql(`mutation QueryCountLogout { logout }`), {}, token)).data).toEqual({ logout: true });
    expect((await gql(app, VIEWER_ROLE, {}, token)).data).toEqual({ viewer: null });
  });
});
