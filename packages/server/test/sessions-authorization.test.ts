/**
 * The authorization matrix of theme sessions: every operation by every role. Decisions
 * (ARCHITECTURE.md, "Theme sessions"): coordinators and admins manage everything; police
 * liaisons read their districts' published sessions without personal data; allies and
 * anonymous callers act only through a personal invitation token.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gql, startTestApp, type GqlResult } from "./support/app.js";
import { invite, makeContacts, ok, PAGE, publishedSession, respond } from "./support/sessions.js";
import { createWorld, type World, type WorldRole } from "./support/world.js";
import { graphql } from "./generated/index.js";
import { op, type Operation } from "./authz-cases.js";

let app: App;
let w: World;
let ids: { own: string; other: string; city: string; draft: string; registration: string; contact: string; invitation: string };
let token: string;

beforeAll(async () => {
  app = await startTestApp();
  w = await createWorld(app);
  const own = await publishedSession(app, w, { capacity: 3 }, 1);
  const other = await publishedSession(app, w, { districtId: w.districts[1]!.id });
  const city = await publishedSession(app, w, { districtId: null });
  const draft = ok(
    await gql(
      app,
      graphql(`mutation SessionsAuthzCreateThemeSession($i: CreateThemeSessionInput!) { createThemeSession(input: $i) { id } }`),
      {
        i: {
          title: "Concept",
          theme: "OTHER",
          districtId: w.districts[0]!.id,
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 90_000_000).toISOString(),
          place: "X",
          capacity: 5,
        },
      },
      w.tokens.coordinator,
    ),
  ).createThemeSession.id;
  const [c] = await makeContacts(app, w, 1);
  const [link] = await invite(app, w, own, [c!.id]);
  token = link!.token;
  const answer = ok(await respond(app, token, "YES", [{ label: "Kim", ageBand: "AGE_16_17" }]));
  ids = {
    own,
    other,
    city,
    draft,
    registration: answer.respondToInvitation.registrations[0]!.id,
    contact: c!.id,
    invitation: link!.invitationId,
  };
});
afterAll(async () => {
  await app?.stop();
});

type Outcome = "OK" | "FORBIDDEN" | "UNAUTHENTICATED" | "NOT_FOUND";
const ALL: WorldRole[] = ["coordinator", "admin", "liaison", "otherLiaison", "ally", "anonymous"];
const staffOnly: Record<WorldRole, Outcome> = {
  coordinator: "OK",
  admin: "OK",
  liaison: "FORBIDDEN",
  otherLiaison: "FORBIDDEN",
  ally: "FORBIDDEN",
  anonymous: "UNAUTHENTICATED",
};
const tokenHolder: Record<WorldRole, Outcome> = {
  coordinator: "OK",
  admin: "OK",
  liaison: "OK",
  otherLiaison: "OK",
  ally: "OK",
  anonymous: "OK",
};

interface Case {
  name: string;
  query: () => Operation;
  expect: Record<WorldRole, Outcome>;
  mutates?: boolean;
}
const cases: Case[] = [
  {
    name: "session list",
    query: () =>
      op(graphql(`query SessionsAuthzThemeSessions { themeSessions { totalCount edges { node { id counts { confirmed } } } } }`), {}),
    expect: { ...staffOnly, liaison: "OK", otherLiaison: "OK" },
  },
  {
    name: "session of own district (no personal data)",
    query: () =>
      op(graphql(`query SessionsAuthzThemeSession($id: ID!) { themeSession(id: $id) { title counts { confirmed waitlisted } ics } }`), {
        id: ids.own,
      }),
    expect: { ...staffOnly, liaison: "OK", otherLiaison: "NOT_FOUND" },
  },
  {
    name: "session of another district",
    query: () => op(graphql(`query SessionsAuthzThemeSession2($id: ID!) { themeSession(id: $id) { title } }`), { id: ids.other }),
    expect: { ...staffOnly, liaison: "NOT_FOUND", otherLiaison: "OK" },
  },
  {
    name: "city-wide session",
    query: () => op(graphql(`query SessionsAuthzThemeSession3($id: ID!) { themeSession(id: $id) { title } }`), { id: ids.city }),
    expect: { ...staffOnly, liaison: "NOT_FOUND", otherLiaison: "NOT_FOUND" },
  },
  {
    name: "draft session",
    query: () => op(graphql(`query SessionsAuthzThemeSession4($id: ID!) { themeSession(id: $id) { title } }`), { id: ids.draft }),
    expect: { ...staffOnly, liaison: "NOT_FOUND", otherLiaison: "NOT_FOUND" },
  },
  {
    name: "invitations (names)",
    query: () =>
      op(graphql(`query SessionsAuthzThemeSession5($id: ID!) { themeSession(id: $id) { invitations { contact { fullName } } } }`), {
        id: ids.own,
      }),
    expect: { ...staffOnly, otherLiaison: "NOT_FOUND" },
  },
  {
    name: "registrations (guests, waitlist)",
    query: () =>
      op(graphql(`query SessionsAuthzThemeSession6($id: ID!) { themeSession(id: $id) { registrations { guestLabel } } }`), { id: ids.own }),
    expect: { ...staffOnly, otherLiaison: "NOT_FOUND" },
  },
  { name: "invitation page by token", query: () => op(PAGE, { token }), expect: tokenHolder },
  {
    name: "create session",
    query: () =>
      op(
        graphql(
          `mutation SessionsAuthzCreateThemeSession2($d: ID!, $s: DateTime!, $e: DateTime!) { createThemeSession(input: { title: "T", theme: OTHER, districtId: $d, startsAt: $s, endsAt: $e, place: "P", capacity: 5 }) { id } }`,
        ),
        {
          d: w.districts[0]!.id,
          s: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          e: new Date(Date.now() + 30 * 86_400_000 + 7_200_000).toISOString(),
        },
      ),
    expect: staffOnly,
  },
  {
    name: "update session",
    query: () =>
      op(
        graphql(`mutation SessionsAuthzUpdateThemeSession($id: ID!) { updateThemeSession(id: $id, input: { description: "x" }) { id } }`),
        { id: ids.own },
      ),
    expect: staffOnly,
  },
  {
    name: "invite contacts",
    query: () =>
      op(
        graphql(
          `mutation SessionsAuthzInviteToSession($s: ID!, $c: ID!) { inviteToSession(input: { sessionId: $s, contactIds: [$c] }) { token } }`,
        ),
        { s: ids.own, c: w.allyContact.id },
      ),
    expect: staffOnly,
    mutates: true,
  },
  {
    name: "check in",
    query: () =>
      op(graphql(`mutation SessionsAuthzCheckInRegistration($id: ID!) { checkInRegistration(id: $id, result: ATTENDED) { attendance } }`), {
        id: ids.registration,
      }),
    expect: staffOnly,
  },
  {
    name: "reset self check-in code",
    query: () =>
      op(graphql(`mutation SessionsAuthzResetSelfCheckInCode($id: ID!) { resetSelfCheckInCode(sessionId: $id) }`), { id: ids.own }),
    expect: staffOnly,
  },
  {
    name: "renew an invitation link",
    query: () =>
      op(graphql(`mutation SessionsAuthzRenewInvitationLink($id: ID!) { renewInvitationLink(id: $id) { url } }`), { id: ids.invitation }),
    expect: { ...staffOnly, coordinator: "OK" },
    mutates: true,
  },
  {
    name: "publish session",
    query: () =>
      op(graphql(`mutation SessionsAuthzPublishThemeSession($id: ID!) { publishThemeSession(id: $id) { status } }`), { id: ids.draft }),
    expect: staffOnly,
    mutates: true,
  },
  {
    name: "cancel session",
    query: () =>
      op(graphql(`mutation SessionsAuthzCancelThemeSession($id: ID!) { cancelThemeSession(id: $id) { status } }`), { id: ids.city }),
    expect: staffOnly,
    mutates: true,
  },
];

function outcome(res: GqlResult): string {
  return res.errors ? String(errorCode(res)) : "OK";
}

describe("sessions authorization matrix: role × operation", () => {
  const order: WorldRole[] = ["anonymous", "ally", "otherLiaison", "liaison", "admin", "coordinator"];
  for (const c of cases) {
    it(c.name, async () => {
      const got: Partial<Record<WorldRole, string>> = {};
      for (const role of order) {
        if (c.mutates && role === "coordinator") continue;
        const [query, variables] = c.query();
        got[role] = outcome(await gql(app, query, variables, w.tokens[role]));
      }
      expect(got).toEqual(Object.fromEntries(ALL.filter((r) => got[r] !== undefined).map((r) => [r, c.expect[r]])));
    });
  }

  it("a liaison's view of a session holds no personal data", async () => {
    const res = ok(
      await gql(
        app,
        graphql(
          `query SessionsAuthzThemeSessions2 { themeSessions { edges { node { id title place district { id } counts { confirmed waitlisted } } } } }`,
        ),
        {},
        w.tokens.liaison,
      ),
    );
    const list = res.themeSessions.edges.map((e: any) => e.node);
    const seen = list.map((s: any) => s.id);
    expect(seen).toContain(ids.own);
    expect(seen).not.toContain(ids.other);
    expect(seen).not.toContain(ids.city);
    expect(list.every((s: any) => s.district?.id === w.districts[0]!.id)).toBe(true);
    expect(JSON.stringify(res)).not.toMatch(/Kim|Persoon/);
  });

  it("the invitation page shows counts, never other invitees or guests", async () => {
    const [c2] = await makeContacts(app, w, 1);
    const [l2] = await invite(app, w, ids.own, [c2!.id]);
    const page = ok(await gql(app, PAGE, { token: l2!.token })).invitation;
    expect(page.registrations).toEqual([]);
    expect(page.session.counts).toMatchObject({ confirmed: 2, waitlisted: 0 });
    expect(JSON.stringify(page)).not.toMatch(/Kim|Persoon/);
  });
});
