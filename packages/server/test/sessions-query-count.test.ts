/** N+1 guard for theme sessions: statements must not grow with the number of sessions listed. */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { gql, startTestApp } from "./support/app.js";
import { invite, makeContacts, publishedSession, respond } from "./support/sessions.js";
import { createWorld, type World } from "./support/world.js";
import { graphql } from "./generated/index.js";

let app: App;
let w: World;
let statements: string[] | null = null;
const originalQuery = pg.Client.prototype.query;
const HOUR = 3_600_000;
const base = Date.now();

beforeAll(async () => {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    if (statements) statements.push(typeof first === "string" ? first : (first?.text ?? "?"));
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
  // Background reads (outbox poll, escalation sweep, doorbell rings of other test files
  // through the shared Redis) would be counted too: quiet and in-process for this test.
  app = await startTestApp({ OUTBOX_POLL_INTERVAL_MS: "60000", ESCALATION_SWEEP_INTERVAL_MS: "600000", REDIS_URL: "" });
  w = await createWorld(app);
  // Six sessions a day apart, each with invitations, answers (confirmed, waitlisted) and a guest.
  for (let d = 1; d <= 6; d++) {
    const id = await publishedSession(app, w, { capacity: 2, districtId: w.districts[d % 3]!.id }, d * 24);
    const people = await makeContacts(app, w, 3);
    const links = await invite(
      app,
      w,
      id,
      people.map((p) => p.id),
    );
    await respond(app, links[0]!.token, "YES", [{ label: "G", ageBand: "AGE_18_23" }]);
    await respond(app, links[1]!.token, "YES");
  }
});
afterAll(async () => {
  pg.Client.prototype.query = originalQuery;
  await app?.stop();
});

const LIST =
  graphql(`query SessionsQueryCountList($to: DateTime!) { themeSessions(filter: { to: $to }) { totalCount edges { node { id district { name } counts { confirmed waitlisted }
  invitations { response contact { fullName } viaNetwork { name } registrations { seatStatus waitlistPosition } }
  registrations { seatStatus waitlistPosition invitation { id } } } } } }`);

async function count(to: Date) {
  statements = [];
  const res = await gql(app, LIST, { to: to.toISOString() }, w.tokens.coordinator);
  const n = statements.length;
  statements = null;
  expect(res.errors).toBeUndefined();
  return { n, sessions: res.data!.themeSessions.edges.length as number };
}

describe("theme sessions: no N+1", () => {
  it("lists 2 or 6 sessions with every relation in the same number of statements", async () => {
    const small = await count(new Date(base + 2.5 * 24 * HOUR));
    const large = await count(new Date(base + 7 * 24 * HOUR));
    expect(small.sessions).toBe(2);
    expect(large.sessions).toBe(6);
    expect(large.n).toBe(small.n);
  });

  it("pages by start time with a keyset cursor, neither skipping nor repeating", async () => {
    const PAGE_Q = graphql(
      `query SessionsQueryCountPage($after: String) { themeSessions(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id startsAt } } } }`,
    );
    const first = (await gql(app, PAGE_Q, {}, w.tokens.coordinator)).data!.themeSessions;
    expect(first.totalCount).toBe(6);
    expect(first.edges).toHaveLength(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await gql(app, PAGE_Q, { after: first.pageInfo.endCursor }, w.tokens.coordinator)).data!.themeSessions;
    expect(second.edges).toHaveLength(2);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const all = [...first.edges, ...second.edges].map((e: any) => e.node);
    expect(new Set(all.map((n: any) => n.id)).size).toBe(6);
    expect(all.map((n: any) => n.startsAt)).toEqual([...all.map((n: any) => n.startsAt)].sort());
    const bad = await gql(app, PAGE_Q, { after: "nonsense" }, w.tokens.coordinator);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});
