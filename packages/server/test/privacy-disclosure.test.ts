import { readFileSync } from "node:fs";
import { buildSchema, getNamedType, isObjectType, isScalarType, isNonNullType, type GraphQLField, type GraphQLObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { lastEndedQuarter, quarterContaining } from "../src/core/disclosure.js";
import { gql, startTestApp } from "./support/app.js";
import { invite, makeContacts, ok, publishedSession, respond } from "./support/sessions.js";
import { createWorld, type World, type WorldRole } from "./support/world.js";
import { graphql } from "./generated/index.js";

/**
 * Issue 12, part 4: statistical disclosure control. No count of people under 5 reaches a
 * police liaison or an ally anywhere in the schema, and two periods cannot be subtracted.
 */

let app: App;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

const DAY = 86_400_000;
const CREATE_NETWORK = graphql(`mutation DisclosureCreateNetwork($input: CreateNetworkInput!) { createNetwork(input: $input) { id } }`);
const ADD = graphql(`mutation DisclosureAdd($input: AddMemberInput!) { addNetworkMember(input: $input) { id } }`);
const HEALTH = graphql(`query DisclosureHealth($d: ID!, $from: DateTime, $to: DateTime) {
  networkHealth(districtId: $d, from: $from, to: $to) { from to newMembers { value suppressed } } }`);
const REPORT = graphql(`mutation DisclosureReport($input: ReportSignalInput!) { reportSignal(input: $input) { signal { id } } }`);

async function network(w: World, kind: "ALLIES" | "YOUTH" | "OTHER", name: string, districtId: string): Promise<string> {
  return ok(await gql(app, CREATE_NETWORK, { input: { kind, name, districtId } }, w.tokens.coordinator)).createNetwork.id;
}
async function addMembers(w: World, networkId: string, contactIds: readonly string[], since?: Date) {
  for (const contactId of contactIds) {
    ok(await gql(app, ADD, { input: { networkId, contactId, since: since?.toISOString() ?? null } }, w.tokens.coordinator));
  }
}

describe("periods that cannot be differenced", () => {
  it("refuses the overlapping periods of the attack to a liaison, while the coordinator's answers show what they would reveal", async () => {
    const w = await createWorld(app);
    const d0 = w.districts[0]!.id;
    const youth = await network(w, "YOUTH", "Jongeren klein", d0);
    const q = lastEndedQuarter(new Date());
    const earlier = new Date(q.from.getTime() - 40 * DAY); // the quarter before: 2 people
    const inQuarter = new Date(q.from.getTime() + 10 * DAY); // the last ended quarter: 6 people
    const people = await makeContacts(app, w, 8);
    await addMembers(
      w,
      youth,
      people.slice(0, 2).map((p) => p.id),
      earlier,
    );
    await addMembers(
      w,
      youth,
      people.slice(2).map((p) => p.id),
      inQuarter,
    );

    // The attack from the issue: two overlapping periods ending now.
    const longFrom = new Date(earlier.getTime() - 5 * DAY).toISOString();
    const shortFrom = q.from.toISOString();
    const now = new Date(Date.now() + 60_000).toISOString();
    const coordinatorSees = async (from: string, to: string) =>
      ok(await gql(app, HEALTH, { d: d0, from, to }, w.tokens.coordinator)).networkHealth.newMembers.value;
    // The data holds the hazard: the coordinator's two answers differ by 2.
    expect((await coordinatorSees(longFrom, now))! - (await coordinatorSees(shortFrom, now))!).toBe(2);

    // Every period an attacker might try; the ones a liaison gets an answer for.
    const prev = quarterContaining(new Date(q.from.getTime() - 1));
    const candidates: Array<{ from: string | null; to: string | null }> = [
      { from: longFrom, to: now },
      { from: shortFrom, to: now },
      { from: longFrom, to: null },
      { from: shortFrom, to: null },
      { from: prev.from.toISOString(), to: q.to.toISOString() }, // two quarters
      { from: q.from.toISOString(), to: new Date(q.from.getTime() + 31 * DAY).toISOString() }, // a month
      { from: prev.from.toISOString(), to: prev.to.toISOString() },
      { from: q.from.toISOString(), to: q.to.toISOString() },
      { from: null, to: null },
    ];
    const answered: Array<{ from: number; to: number; value: number | null }> = [];
    for (const period of candidates) {
      const res = await gql(app, HEALTH, { d: d0, from: period.from, to: period.to }, w.tokens.liaison);
      if (res.errors) {
        expect(res.errors[0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "PERIOD_NOT_DISCLOSABLE" });
        continue;
      }
      const h = res.data!.networkHealth;
      answered.push({ from: Date.parse(h.from), to: Date.parse(h.to), value: h.newMembers.value ?? null });
    }
    // The issue's two periods are refused; whole ended quarters are answered.
    expect(answered.length).toBe(3);
    // No two answered periods nest or overlap partially, so no subtraction reveals anyone.
    for (const a of answered) {
      for (const b of answered) {
        if (a === b || (a.from === b.from && a.to === b.to)) continue;
        const overlap = a.from < b.to && b.from < a.to;
        expect(overlap, `periods ${JSON.stringify([a, b])} overlap`).toBe(false);
      }
    }
    const byFrom = new Map(answered.map((a) => [a.from, a.value]));
    expect(byFrom.get(q.from.getTime())).toBe(6);
    expect(byFrom.get(prev.from.getTime())).toBeNull(); // 2 people: suppressed
  });
});

/** Int fields that do not count people, with the reason; every other Int field is checked. */
const NOT_PEOPLE: Record<string, string> = {
  "Alert.escalationLevel": "a level of the escalation ladder (0–2)",
  "AlertReceipt.attempts": "tries to send one alert on one channel",
  "NotificationRules.emailAfterSeconds": "a delay the user set",
  "ThemeSession.capacity": "a setting of the session",
  "SessionCounts.capacity": "a setting of the session",
  "ThemeSession.youthReservedSeats": "a setting of the session",
  "SessionCounts.youthReservedSeats": "a setting of the session",
  "ThemeSession.reminderMinutesBefore": "a setting of the session",
  "ThemeSessionConnection.totalCount": "counts public sessions, not people",
  "Registration.waitlistPosition": "the registration's own place in the queue",
  "OwnRegistration.waitlistPosition": "the invitee's own place in the queue",
};

/**
 * The roots a signed-in non-coordinator can call, with arguments from the world. A root
 * missing here fails the test: a new query must be classified.
 */
const ROOTS: Record<string, ((ids: Record<string, string>) => Record<string, string>) | { skip: string }> = {
  algorithmSettings: () => ({}),
  alertHistory: () => ({}),
  myNotificationRules: () => ({}),
  myPushDevices: () => ({}),
  pushSettings: () => ({}),
  auditLog: () => ({}),
  complaint: { skip: "complaints handlers only (authorization matrix, complaints.test.ts); no counts of people" },
  complaints: { skip: "complaints handlers only (authorization matrix, complaints.test.ts); no counts of people" },
  contact: (ids) => ({ id: ids["allyContact"]! }),
  contactDataExport: (ids) => ({ id: ids["allyContact"]! }),
  contactImport: { skip: "an upload's description: coordinators and admins only (authorization matrix), no counts of people" },
  contactImportErrors: { skip: "an upload's rejected rows: coordinators and admins only (authorization matrix)" },
  contacts: () => ({}),
  district: (ids) => ({ id: ids["d0"]! }),
  districts: () => ({}),
  guardCorpusCandidates: { skip: "corpus sentences: coordinators and admins only (authorization matrix), no counts" },
  guardFeedbackFigures: () => ({}),
  guardFeedbackQueue: { skip: "the review queue: coordinators and admins only (authorization matrix), no counts" },
  exportContactsCsv: () => ({}),
  exportContactsXlsx: () => ({}),
  lessonsLearned: () => ({}),
  monitoring: (ids) => ({ districtId: ids["d0"]! }),
  monitoringXlsx: {
    skip: "the figures of `monitoring` as a workbook (same service, same disclosure; tested in monitoring.test.ts), no Int field",
  },
  networkMeetings: () => ({}),
  mySessions: () => ({}),
  ssoProvider: () => ({}),
  twoFactorStatus: () => ({}),
  user: (ids) => ({ id: ids["allyUser"]! }),
  users: () => ({}),
  invitation: { skip: "the invitee's own page by token: exact seat counts so they can answer (documented exception)" },
  myContact: () => ({}),
  network: (ids) => ({ id: ids["allies"]! }),
  networks: () => ({}),
  networkHealth: (ids) => ({ districtId: ids["d0"]! }),
  organisations: () => ({}),
  partnerOrganisations: () => ({}),
  signal: (ids) => ({ id: ids["signal"]! }),
  signals: () => ({}),
  staleContacts: (ids) => ({ districtId: ids["d0"]! }),
  themeSession: (ids) => ({ id: ids["session"]! }),
  themeSessions: () => ({}),
  userDataExport: (ids) => ({ id: ids["allyUser"]! }),
  viewer: () => ({}),
};

interface CountPath {
  /** "Network.memberCount" */
  field: string;
  /** ["networks", "memberCount"] */
  path: string[];
  query: string;
}

/** Every path from a root to an Int field, as a query selecting that one field. */
function countPaths(schema: ReturnType<typeof buildSchema>, root: string, args: Record<string, string>): CountPath[] {
  const out: CountPath[] = [];
  const argText = Object.entries(args)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(", ");
  const rootField = schema.getQueryType()!.getFields()[root]!;
  const walk = (type: GraphQLObjectType, path: Array<{ name: string }>, seen: Set<string>) => {
    for (const f of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
      const named = getNamedType(f.type);
      const here = [...path, { name: f.name }];
      if (isScalarType(named) && named.name === "Int") {
        const key = `${type.name}.${f.name}`;
        if (key in NOT_PEOPLE) continue;
        const names = [root, ...here.map((p) => p.name)];
        const body = names.slice(1).reduceRight((inner, name, i) => (i === names.length - 2 ? name : `${name} { ${inner} }`), "");
        out.push({ field: key, path: names, query: `{ ${root}${argText ? `(${argText})` : ""} { ${body} } }` });
      } else if (isObjectType(named) && !seen.has(named.name) && here.length < 5) {
        walk(named, here, new Set([...seen, named.name]));
      }
    }
  };
  const rootType = getNamedType(rootField.type);
  if (isObjectType(rootType)) walk(rootType, [], new Set([rootType.name]));
  return out;
}

/** The values at `path` in a response (lists flattened): numbers, and null where the field is present but hidden. */
function valuesAt(data: unknown, path: readonly string[]): Array<number | null> {
  let level: unknown[] = [data];
  path.forEach((key, i) => {
    const last = i === path.length - 1;
    level = level.flatMap((v) => {
      if (!v || typeof v !== "object" || !(key in v)) return [];
      const next = (v as Record<string, unknown>)[key];
      if (Array.isArray(next)) return next;
      return next === null && !last ? [] : [next];
    });
  });
  return level.filter((v): v is number | null => typeof v === "number" || v === null);
}

describe("every count field a non-coordinator can read", () => {
  it("walks the schema: no Int count reachable by a liaison or an ally returns 1–4 in a world of small groups", {
    timeout: 120_000,
  }, async () => {
    const w = await createWorld(app);
    const d0 = w.districts[0]!.id;
    // Small groups everywhere: an allies network of 2 (the ally among them), a youth network
    // of 3, a session with 2 confirmed and 1 waiting, a shared signal, a stale contact.
    const allies = await network(w, "ALLIES", "Bondgenoten klein", d0);
    const youth = await network(w, "YOUTH", "Jongeren klein", d0);
    const adults = await makeContacts(app, w, 1);
    await addMembers(w, allies, [w.allyContact.id, adults[0]!.id]);
    const kids = await makeContacts(app, w, 3, { ageBand: "AGE_16_17" });
    await addMembers(
      w,
      youth,
      kids.map((k) => k.id),
      new Date(lastEndedQuarter(new Date()).from.getTime() + DAY),
    );
    const session = await publishedSession(app, w, { capacity: 2 });
    const guests = await makeContacts(app, w, 3);
    const links = await invite(
      app,
      w,
      session,
      guests.map((g) => g.id),
    );
    for (const l of links) ok(await respond(app, l.token, "YES"));
    const signal = ok(
      await gql(
        app,
        REPORT,
        { input: { districtId: d0, kind: "TENSION", severity: "LOW", summary: "Onrust op het plein", visibility: "SHARED_WITH_POLICE" } },
        w.tokens.coordinator,
      ),
    ).reportSignal.signal.id;
    const ids: Record<string, string> = { d0, allies, session, signal, allyContact: w.allyContact.id, allyUser: w.users.ally.id };

    const schema = buildSchema(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8"));
    const queryRoots = Object.keys(schema.getQueryType()!.getFields()).sort();
    expect(queryRoots.filter((r) => !(r in ROOTS))).toEqual([]);

    const read = async (role: WorldRole) => {
      const seen: Array<{ field: string; value: number | null }> = [];
      for (const [root, args] of Object.entries(ROOTS)) {
        if (typeof args !== "function") continue;
        for (const p of countPaths(schema, root, args(ids))) {
          const res = await gql(app, p.query, {}, w.tokens[role]);
          for (const value of valuesAt(res.data, p.path)) seen.push({ field: p.field, value });
        }
      }
      return seen;
    };
    const small = (seen: Array<{ field: string; value: number | null }>) =>
      seen.filter((s) => s.value !== null && s.value >= 1 && s.value <= 4);

    // The world does have small groups: the coordinator reads them exactly.
    const coordinatorFields = new Set(small(await read("coordinator")).map((s) => s.field));
    for (const f of ["Network.memberCount", "SessionCounts.confirmed", "SessionCounts.waitlisted"]) {
      expect(coordinatorFields.has(f), `the coordinator reads a small ${f}`).toBe(true);
    }

    // Liaison and ally: the walk reaches count fields (hidden ones come back null), and none is 1–4.
    const reached = { liaison: ["Network.memberCount", "SessionCounts.confirmed", "SuppressedCount.value"], ally: ["Network.memberCount"] };
    for (const role of ["liaison", "ally"] as const) {
      const seen = await read(role);
      expect(small(seen), `${role} reads small counts`).toEqual([]);
      const fields = new Set(seen.map((s) => s.field));
      for (const f of reached[role]) expect(fields.has(f), `${role}'s walk reaches ${f}`).toBe(true);
    }
  });
});
