import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gql, gqlAs, startTestApp, wsConnect, wsQuery } from "./support/app.js";
import { invite, makeContacts, ok, PAGE, publishedSession, respond } from "./support/sessions.js";
import { waitUntil } from "./support/wait.js";
import { createWorld, type World } from "./support/world.js";
import { graphql } from "./generated/index.js";

let app: App;
let other: App;
let w: World;
beforeAll(async () => {
  app = await startTestApp();
  other = await startTestApp();
  w = await createWorld(app);
});
afterAll(async () => {
  await Promise.all([app?.stop(), other?.stop()]);
});

const HOUR = 3_600_000;
const asCoordinator = gqlAs(
  () => app,
  () => w.tokens.coordinator,
);
const REGS =
  graphql(`query SessionsAttendanceRegs($id: ID!) { themeSession(id: $id) { registrations { id seatStatus attendance checkedInAt isGuest guestLabel invitation { id contact { id } } }
  invitations { id response contact { id } } } }`);

function parseEvent(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text) as any[]);
  const vevent = cal.getFirstSubcomponent("vevent")!;
  const event = new ICAL.Event(vevent);
  return { event, status: String(vevent.getFirstPropertyValue("status")), url: vevent.getFirstPropertyValue("url") as string | null };
}

describe("calendar files", () => {
  it("serves an .ics per session and per invitation (GraphQL and HTTP) that parses back", async () => {
    const sessionId = await publishedSession(app, w, { title: "Diverse instroom bij de politie", place: "Stadhuis, Stadsplateau 1" });
    const [p] = await makeContacts(app, w, 1);
    const [link] = await invite(app, w, sessionId, [p!.id]);
    const session = ok(
      await asCoordinator(graphql(`query SessionsAttendanceThemeSession($id: ID!) { themeSession(id: $id) { startsAt endsAt ics } }`), {
        id: sessionId,
      }),
    ).themeSession;
    const s = parseEvent(session.ics);
    expect(s.event.summary).toBe("Diverse instroom bij de politie");
    expect(s.event.location).toBe("Stadhuis, Stadsplateau 1");
    expect(s.event.uid).toBe(`${sessionId}@wijknet`);
    // iCalendar times have whole seconds.
    const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000) * 1000;
    expect(s.event.startDate.toJSDate().getTime()).toBe(seconds(session.startsAt));
    expect(s.event.endDate.toJSDate().getTime()).toBe(seconds(session.endsAt));
    expect(s.status).toBe("CONFIRMED");

    const viaGraphql = ok(
      await gql(app, graphql(`query SessionsAttendanceInvitation($t: String!) { invitation(token: $t) { ics } }`), { t: link!.token }),
    ).invitation.ics;
    const inv = parseEvent(viaGraphql);
    expect(inv.url).toBe(`${app.url}/rsvp/${link!.token}`);
    expect(inv.event.description).toContain("Wijk: Noord");
    const res = await fetch(`${app.url}/ics/invitation/${link!.token}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(parseEvent(await res.text()).event.uid).toBe(`${sessionId}@wijknet`);
    expect((await fetch(`${app.url}/ics/invitation/wki_${"x".repeat(43)}.ics`)).status).toBe(404);

    ok(
      await asCoordinator(graphql(`mutation SessionsAttendanceCancelThemeSession($id: ID!) { cancelThemeSession(id: $id) { status } }`), {
        id: sessionId,
      }),
    );
    const cancelled = parseEvent(
      ok(await gql(app, graphql(`query SessionsAttendanceInvitation2($t: String!) { invitation(token: $t) { ics } }`), { t: link!.token }))
        .invitation.ics,
    );
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.event.sequence).toBeGreaterThanOrEqual(s.event.sequence);
  });
});

describe("attendance", () => {
  it("the coordinator checks in confirmed seats; self check-in works with the session's code", async () => {
    const sessionId = await publishedSession(app, w, { capacity: 2 }, 0.5);
    const people = await makeContacts(app, w, 3);
    const links = await invite(
      app,
      w,
      sessionId,
      people.map((p) => p.id),
    );
    ok(await respond(app, links[0]!.token, "YES", [{ label: "Yara", ageBand: "AGE_16_17" }]));
    ok(await respond(app, links[1]!.token, "YES"));
    const regs = ok(await asCoordinator(REGS, { id: sessionId })).themeSession.registrations;
    const waiting = regs.find((r: any) => r.seatStatus === "WAITLISTED");
    const CHECK = graphql(
      `mutation SessionsAttendanceCheck($id: ID!, $r: CheckInResult!) { checkInRegistration(id: $id, result: $r) { attendance checkedInAt } }`,
    );
    expect((await asCoordinator(CHECK, { id: waiting!.id, r: "ATTENDED" })).errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "id",
    });
    const host = regs.find((r: any) => r.invitation.id === links[0]!.invitationId && !r.isGuest);
    expect(ok(await asCoordinator(CHECK, { id: host!.id, r: "NO_SHOW" })).checkInRegistration).toEqual({
      attendance: "NO_SHOW",
      checkedInAt: null,
    });

    const code = ok(
      await asCoordinator(graphql(`mutation SessionsAttendanceResetSelfCheckInCode($id: ID!) { resetSelfCheckInCode(sessionId: $id) }`), {
        id: sessionId,
      }),
    ).resetSelfCheckInCode as string;
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    const SELF = graphql(
      `mutation SessionsAttendanceSelf($t: String!, $c: String!) { selfCheckIn(token: $t, code: $c) { registrations { isGuest attendance } } }`,
    );
    const wrong = await gql(app, SELF, { t: links[0]!.token, c: code === "AAAAAA" ? "BBBBBB" : "AAAAAA" });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "code" });
    const self = ok(await gql(app, SELF, { t: links[0]!.token, c: code.toLowerCase() })).selfCheckIn;
    expect(self.registrations).toEqual([
      { isGuest: false, attendance: "ATTENDED" },
      { isGuest: true, attendance: "ATTENDED" },
    ]);
    expect(errorCode(await gql(app, SELF, { t: links[2]!.token, c: code }))).toBe("CONFLICT");
  });

  it("turnout shows in network health per district, suppressed below 5", async () => {
    const run = async (districtId: string, confirmedN: number, attendN: number) => {
      const sessionId = await publishedSession(app, w, { districtId, capacity: confirmedN }, 1);
      const people = await makeContacts(app, w, confirmedN);
      const links = await invite(
        app,
        w,
        sessionId,
        people.map((p) => p.id),
      );
      for (const l of links) ok(await respond(app, l.token, "YES"));
      const regs = ok(await asCoordinator(REGS, { id: sessionId })).themeSession.registrations;
      for (const [i, r] of regs.entries()) {
        ok(
          await asCoordinator(
            graphql(
              `mutation SessionsAttendanceCheckInRegistration($id: ID!, $r: CheckInResult!) { checkInRegistration(id: $id, result: $r) { id } }`,
            ),
            {
              id: r.id,
              r: i < attendN ? "ATTENDED" : "NO_SHOW",
            },
          ),
        );
      }
      // Setup shortcut: let the session have happened (times are validated to lie ahead on create).
      await app.db.prisma.themeSession.update({
        where: { id: sessionId },
        data: { startsAt: new Date(Date.now() - 3 * HOUR), endsAt: new Date(Date.now() - HOUR) },
      });
      ok(
        await asCoordinator(
          graphql(`mutation SessionsAttendanceCompleteThemeSession($id: ID!) { completeThemeSession(id: $id) { status } }`),
          { id: sessionId },
        ),
      );
    };
    await run(w.districts[2]!.id, 8, 6);
    await run(w.districts[1]!.id, 6, 3);
    const HEALTH = graphql(
      `query SessionsAttendanceHealth($d: ID!) { networkHealth(districtId: $d) { sessionsHeld attendees { value suppressed } turnout } }`,
    );
    expect(ok(await asCoordinator(HEALTH, { d: w.districts[2]!.id })).networkHealth).toEqual({
      sessionsHeld: 1,
      attendees: { value: 6, suppressed: false },
      turnout: 0.75,
    });
    expect(ok(await asCoordinator(HEALTH, { d: w.districts[1]!.id })).networkHealth).toEqual({
      sessionsHeld: 1,
      attendees: { value: null, suppressed: true },
      turnout: null,
    });
  });
});

describe("live counts over WebSocket", () => {
  it("pushes confirmed/waitlisted counts to the coordinator, across instances; others are refused", async () => {
    const sessionId = await publishedSession(app, w, { capacity: 1 });
    const people = await makeContacts(app, w, 2);
    const links = await invite(
      app,
      w,
      sessionId,
      people.map((p) => p.id),
    );
    // Subscribed on `other`, answers arrive through `app`: the Redis doorbell carries the ring.
    const { client } = wsConnect(other, w.tokens.coordinator);
    const seen: Array<{ confirmed: number; waitlisted: number }> = [];
    const errors: unknown[] = [];
    const dispose = client.subscribe<{ sessionCounts: { confirmed: number; waitlisted: number } }>(
      {
        query: graphql(
          `subscription SessionsAttendanceSessionCounts($id: ID!) { sessionCounts(sessionId: $id) { confirmed waitlisted } }`,
        ).toString(),
        variables: { id: sessionId },
      },
      {
        next: (v) => {
          seen.push(v.data!.sessionCounts);
        },
        error: (e) => errors.push(e),
        complete: () => undefined,
      },
    );
    const until = (pred: () => boolean) => waitUntil(pred, { timeoutMs: 8_000, message: () => `the counts; seen ${JSON.stringify(seen)}` });
    try {
      await until(() => seen.length >= 1);
      expect(seen[0]).toEqual({ confirmed: 0, waitlisted: 0 });
      ok(await respond(app, links[0]!.token, "YES"));
      await until(() => seen.some((s) => s.confirmed === 1 && s.waitlisted === 0));
      ok(await respond(app, links[1]!.token, "YES"));
      await until(() => seen.some((s) => s.confirmed === 1 && s.waitlisted === 1));
      ok(await respond(app, links[0]!.token, "NO"));
      await until(() => seen.at(-1)!.confirmed === 1 && seen.at(-1)!.waitlisted === 0 && seen.length >= 4);
      expect(seen).toEqual([
        { confirmed: 0, waitlisted: 0 },
        { confirmed: 1, waitlisted: 0 },
        { confirmed: 1, waitlisted: 1 },
        { confirmed: 1, waitlisted: 0 },
      ]);
      expect(errors).toEqual([]);
      // Queries work over the same socket too (same authorization as over HTTP).
      const overWs = await wsQuery(
        client,
        graphql(
          `query SessionsAttendanceThemeSession2($id: ID!) { themeSession(id: $id) { counts { confirmed waitlisted } registrations { seatStatus } } }`,
        ),
        { id: sessionId },
      );
      expect(overWs.data?.themeSession).toEqual({ counts: { confirmed: 1, waitlisted: 0 }, registrations: [{ seatStatus: "CONFIRMED" }] });
    } finally {
      dispose();
      await client.dispose();
    }
    for (const role of ["liaison", "ally"] as const) {
      const conn = wsConnect(app, w.tokens[role]);
      const result = await new Promise<unknown>((resolve) => {
        const t = setTimeout(() => resolve("timeout"), 5_000);
        conn.client.subscribe(
          {
            query: graphql(
              `subscription SessionsAttendanceSessionCounts2($id: ID!) { sessionCounts(sessionId: $id) { confirmed } }`,
            ).toString(),
            variables: { id: sessionId },
          },
          {
            next: (v) => {
              clearTimeout(t);
              resolve(v);
            },
            error: (e) => {
              clearTimeout(t);
              resolve(e);
            },
            complete: () => undefined,
          },
        );
      });
      expect(JSON.stringify(result)).toMatch(/FORBIDDEN|NOT_FOUND/);
      await conn.client.dispose();
    }
  });
});

describe("retention", () => {
  it("erases RSVP personal data RSVP_RETENTION_DAYS after the session, keeping anonymous attendance", async () => {
    const sessionId = await publishedSession(app, w, { capacity: 5 }, 1);
    const [p] = await makeContacts(app, w, 1);
    const [link] = await invite(app, w, sessionId, [p!.id]);
    ok(await respond(app, link!.token, "YES", [{ label: "Mo", ageBand: "AGE_12_15", guardianConsent: true }]));
    await app.jobs.runLane("sweep");
    const regs = ok(await asCoordinator(REGS, { id: sessionId })).themeSession.registrations;
    for (const r of regs)
      ok(
        await asCoordinator(
          graphql(`mutation SessionsAttendanceCheckInRegistration2($id: ID!) { checkInRegistration(id: $id, result: ATTENDED) { id } }`),
          { id: r.id },
        ),
      );
    const day = 86_400_000;
    // Setup shortcut: the session ended 179 days ago. The sweep runs on the real clock, so it
    // claims only sessions that ended before the retention period (no other test's).
    const endAt = async (daysAgo: number) => {
      const endsAt = new Date(Date.now() - daysAgo * day);
      await app.db.prisma.themeSession.update({
        where: { id: sessionId },
        data: { startsAt: new Date(endsAt.getTime() - 2 * HOUR), endsAt },
      });
    };
    await endAt(179);
    await app.services.retention.run(new Date(), { municipalityId: w.municipality.id });
    expect(ok(await gql(app, PAGE, { token: link!.token })).invitation.registrations.map((r: any) => r.guestLabel)).toEqual([null, "Mo"]);
    await endAt(181);
    await app.services.retention.run(new Date(), { municipalityId: w.municipality.id });
    expect(errorCode(await gql(app, PAGE, { token: link!.token }))).toBe("NOT_FOUND");
    const after = ok(await asCoordinator(REGS, { id: sessionId })).themeSession;
    expect(after.invitations).toEqual([{ id: link!.invitationId, response: "YES", contact: null }]);
    expect(after.registrations.map((r: any) => [r.isGuest, r.guestLabel, r.attendance])).toEqual([
      [false, null, "ATTENDED"],
      [true, null, "ATTENDED"],
    ]);
    const guest = await app.db.prisma.registration.findFirstOrThrow({ where: { sessionId, isGuest: true } });
    expect(guest.guardianConsentAt).toBeNull();
    expect(await app.db.prisma.notification.count({ where: { sessionId } })).toBe(0);
    expect(await app.db.prisma.auditEntry.count({ where: { entityType: "ThemeSession", entityId: sessionId, action: "ANONYMISE" } })).toBe(
      1,
    );
  });
});
