import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gql, gqlAs, startTestApp } from "./support/app.js";
import { CREATE, PAGE, RESPOND, invite, makeContacts, ok, publishedSession, respond } from "./support/sessions.js";
import { createWorld, type World } from "./support/world.js";
import { graphql } from "./generated/index.js";

let app: App;
let second: App;
let w: World;
beforeAll(async () => {
  app = await startTestApp();
  // A second instance on the same database: the race is fought at the PostgreSQL row lock.
  second = await startTestApp();
  w = await createWorld(app);
});
afterAll(async () => {
  await Promise.all([app?.stop(), second?.stop()]);
});

const asCoordinator = gqlAs(
  () => app,
  () => w.tokens.coordinator,
);
const CREATE_NETWORK = graphql(
  `mutation SessionsRsvpCreateNetwork($name: String!) { createNetwork(input: { kind: OTHER, name: $name }) { id } }`,
);
const REGS = graphql(`query SessionsRsvpRegs($id: ID!) { themeSession(id: $id) { counts { confirmed waitlisted seatsLeft }
  registrations(includeCancelled: true) { id seatStatus queuedAt waitlistPosition isGuest guestLabel ageBand guardianConsentAt invitation { id } } } }`);

describe("sessions: creation rules", () => {
  it("validates input with the failing field named, and starts as a draft", async () => {
    const start = new Date(Date.now() + 86_400_000);
    const base = {
      title: "Etnisch profileren",
      theme: "ETHNIC_PROFILING" as const,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
      place: "Wijkcentrum",
      capacity: 20,
    };
    const bad = async (patch: Record<string, unknown>, field: string) => {
      const res = await asCoordinator(CREATE, { input: { ...base, ...patch } });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    };
    await bad({ endsAt: base.startsAt }, "input.endsAt");
    await bad({ startsAt: new Date(Date.now() - 60_000).toISOString() }, "input.startsAt");
    await bad({ capacity: 0 }, "input.capacity");
    await bad({ youthReservedSeats: 21 }, "input.youthReservedSeats");
    await bad({ rsvpDeadline: new Date(start.getTime() + 60_000).toISOString() }, "input.rsvpDeadline");
    await bad({ title: "  " }, "input.title");
    const created = ok(await asCoordinator(CREATE, { input: { ...base, youthReservedSeats: 5 } })).createThemeSession;
    expect(created).toMatchObject({ status: "DRAFT", capacity: 20 });
    const early = await asCoordinator(
      graphql(`mutation SessionsRsvpInviteToSession($input: InviteInput!) { inviteToSession(input: $input) { token } }`),
      {
        input: { sessionId: created.id, contactIds: [w.allyContact.id] },
      },
    );
    expect(errorCode(early)).toBe("CONFLICT");
  });
});

describe("RSVP through the personal link (no account)", () => {
  it("invites networks and contacts once each; the page shows counts and never names", async () => {
    const sessionId = await publishedSession(app, w, { capacity: 5 });
    const people = await makeContacts(app, w, 3);
    const net = ok(await asCoordinator(CREATE_NETWORK, { name: `Uitnodig ${Date.now()}` })).createNetwork.id;
    for (const p of people.slice(0, 2))
      ok(
        await asCoordinator(
          graphql(
            `mutation SessionsRsvpAddNetworkMember($n: ID!, $c: ID!) { addNetworkMember(input: { networkId: $n, contactId: $c }) { id } }`,
          ),
          {
            n: net,
            c: p.id,
          },
        ),
      );
    const links = ok(
      await asCoordinator(
        graphql(
          `mutation SessionsRsvpInviteToSession2($input: InviteInput!) { inviteToSession(input: $input) { token url invitation { contact { id } viaNetwork { id } } } }`,
        ),
        { input: { sessionId, networkIds: [net], contactIds: [people[2]!.id] } },
      ),
    ).inviteToSession;
    expect(links).toHaveLength(3);
    expect(links.filter((l: any) => l.invitation.viaNetwork?.id === net)).toHaveLength(2);
    expect(links[0]!.url).toBe(`${app.url}/rsvp/${links[0]!.token}`);
    const again = ok(
      await asCoordinator(
        graphql(`mutation SessionsRsvpInviteToSession3($input: InviteInput!) { inviteToSession(input: $input) { token } }`),
        {
          input: { sessionId, networkIds: [net], contactIds: [people[2]!.id] },
        },
      ),
    );
    expect(again.inviteToSession).toEqual([]);
    const stored = await app.db.prisma.invitation.findMany({ where: { sessionId } });
    expect(stored).toHaveLength(3);
    for (const l of links) expect(stored.some((s) => s.tokenHash === l.token)).toBe(false);

    ok(await respond(app, links[0]!.token, "YES"));
    const page = ok(await gql(app, PAGE, { token: links[1]!.token })).invitation;
    expect(page).toMatchObject({
      response: null,
      registrations: [],
      session: {
        place: "Buurthuis De Boog",
        status: "PUBLISHED",
        district: { name: "Noord" },
        counts: { capacity: 5, confirmed: 1, waitlisted: 0, seatsLeft: 4 },
      },
    });
    expect(JSON.stringify(page)).not.toContain("Persoon");
  });

  it("YES confirms while seats last, then waitlists in arrival order; NO and MAYBE free seats; the first waiting is promoted", async () => {
    const sessionId = await publishedSession(app, w, { capacity: 2 });
    const people = await makeContacts(app, w, 5);
    const links = await invite(
      app,
      w,
      sessionId,
      people.map((p) => p.id),
    );
    const status = async (i: number) =>
      ok(await gql(app, PAGE, { token: links[i]!.token })).invitation.registrations.map((r: any) => [r.seatStatus, r.waitlistPosition]);
    for (let i = 0; i < 5; i++) ok(await respond(app, links[i]!.token, "YES"));
    expect(await Promise.all([0, 1, 2, 3, 4].map(status))).toEqual([
      [["CONFIRMED", null]],
      [["CONFIRMED", null]],
      [["WAITLISTED", 1]],
      [["WAITLISTED", 2]],
      [["WAITLISTED", 3]],
    ]);
    // Cancel from the waitlist: the queue closes up, nobody is promoted (no seat freed).
    const cancelled = ok(await respond(app, links[3]!.token, "NO")).respondToInvitation;
    expect(cancelled).toMatchObject({ response: "NO", registrations: [], session: { counts: { confirmed: 2, waitlisted: 2 } } });
    expect(await status(4)).toEqual([["WAITLISTED", 2]]);
    // A confirmed person says MAYBE: their seat goes to the first waiting (#2), not a later one.
    ok(await respond(app, links[0]!.token, "MAYBE"));
    expect(await status(2)).toEqual([["CONFIRMED", null]]);
    expect(await status(4)).toEqual([["WAITLISTED", 1]]);
    // Changing back to YES joins the end of the queue: no jumping.
    const back = ok(await respond(app, links[0]!.token, "YES")).respondToInvitation;
    expect(back.registrations.map((r: any) => [r.seatStatus, r.waitlistPosition])).toEqual([["WAITLISTED", 2]]);
    // The one promoted is told (same transaction as the promotion).
    const promotedNote = await app.db.prisma.notification.findMany({ where: { sessionId, kind: "RSVP_PROMOTED" } });
    expect(promotedNote.map((n) => n.recipient)).toEqual([people[2]!.email]);
    const all = ok(await asCoordinator(REGS, { id: sessionId })).themeSession;
    expect(all.counts).toEqual({ confirmed: 2, waitlisted: 2, seatsLeft: 0 });
    expect(all.registrations.filter((r: any) => r.seatStatus === "CANCELLED")).toHaveLength(2);
  });

  it("youth guests: minimal data, guardian consent under 16, reserved youth seats", async () => {
    // 3 seats, 1 reserved for youth: adults can take 2.
    const sessionId = await publishedSession(app, w, { capacity: 3, youthReservedSeats: 1 });
    const adults = await makeContacts(app, w, 3);
    const links = await invite(
      app,
      w,
      sessionId,
      adults.map((p) => p.id),
    );
    const noConsent = await respond(app, links[0]!.token, "YES", [{ label: "Sam", ageBand: "AGE_12_15" }]);
    expect(noConsent.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "guests.0.guardianConsent" });
    const adultGuest = await respond(app, links[0]!.token, "YES", [{ label: "Piet", ageBand: "ADULT" }]);
    expect(adultGuest.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "guests.0.ageBand" });
    const email = await respond(app, links[0]!.token, "YES", [{ label: "sam@example.org", ageBand: "AGE_16_17" }]);
    expect(email.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "guests.0.label" });
    expect(await app.db.prisma.registration.count({ where: { sessionId } })).toBe(0);

    ok(await respond(app, links[0]!.token, "YES"));
    ok(await respond(app, links[1]!.token, "YES"));
    // The third adult would need the youth seat: waitlisted although a seat is free.
    const third = ok(await respond(app, links[2]!.token, "YES")).respondToInvitation;
    expect(third.registrations.map((r: any) => r.seatStatus)).toEqual(["WAITLISTED"]);
    expect(third.session.counts).toEqual({ confirmed: 2, waitlisted: 1, seatsLeft: 1 });
    // A youth guest takes the youth seat.
    const withGuest = ok(
      await respond(app, links[1]!.token, "YES", [{ label: "S.", ageBand: "AGE_12_15", guardianConsent: true }]),
    ).respondToInvitation;
    expect(withGuest.registrations.map((r: any) => [r.isGuest, r.guestLabel, r.seatStatus])).toEqual([
      [false, null, "CONFIRMED"],
      [true, "S.", "CONFIRMED"],
    ]);
    const rows = await app.db.prisma.registration.findMany({ where: { sessionId, isGuest: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.guardianConsentAt).not.toBeNull();
    // The ally drops the guest: the seat frees, but the waiting adult still may not take a youth seat.
    const dropped = ok(await respond(app, links[1]!.token, "YES", [])).respondToInvitation;
    expect(dropped.registrations).toHaveLength(1);
    expect(dropped.session.counts).toMatchObject({ confirmed: 2, waitlisted: 1 });
    // An adult cancels: the waiting adult gets that adult seat.
    ok(await respond(app, links[0]!.token, "NO"));
    const page = ok(await gql(app, PAGE, { token: links[2]!.token })).invitation;
    expect(page.registrations.map((r: any) => r.seatStatus)).toEqual(["CONFIRMED"]);
    // Guests are never shown to other invitees: the page lists own registrations only.
    expect(page.registrations.every((r: any) => r.isGuest === false)).toBe(true);
  });

  it("forged, malformed and expired tokens get clear errors and change nothing", async () => {
    const sessionId = await publishedSession(app, w);
    const [p] = await makeContacts(app, w, 1);
    const [link] = await invite(app, w, sessionId, [p!.id], { expiresAt: new Date(Date.now() + 1_500).toISOString() });
    const before = {
      regs: await app.db.prisma.registration.count({ where: { sessionId } }),
      audit: await app.db.prisma.auditEntry.count({ where: { entityType: "Invitation", entityId: link!.invitationId, action: "UPDATE" } }),
    };

    const forged = `wki_${"A".repeat(43)}`;
    for (const token of [forged, "not-a-token", link!.token.slice(0, -1) + (link!.token.endsWith("A") ? "B" : "A")]) {
      const res = await respond(app, token, "YES");
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", entity: "Invitation" });
      expect(errorCode(await gql(app, PAGE, { token }))).toBe("NOT_FOUND");
    }
    // The link's expiry passes: moved into the past rather than waited for.
    await app.db.prisma.invitation.update({ where: { id: link!.invitationId }, data: { tokenExpiresAt: new Date(Date.now() - 1_000) } });
    const expired = await respond(app, link!.token, "YES");
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "INVITATION_EXPIRED" });
    expect(expired.errors?.[0]?.message).toMatch(/verlopen/);
    expect(errorCode(await gql(app, PAGE, { token: link!.token }))).toBe("UNAUTHENTICATED");
    const invitation = await app.db.prisma.invitation.findUniqueOrThrow({ where: { id: link!.invitationId } });
    expect(invitation.response).toBeNull();
    expect(await app.db.prisma.registration.count({ where: { sessionId } })).toBe(before.regs);
    expect(
      await app.db.prisma.auditEntry.count({ where: { entityType: "Invitation", entityId: link!.invitationId, action: "UPDATE" } }),
    ).toBe(before.audit);

    // The coordinator renews the link: the new one works, the old one is dead, the new one is mailed.
    const renewed = ok(
      await asCoordinator(
        graphql(`mutation SessionsRsvpRenewInvitationLink($id: ID!) { renewInvitationLink(id: $id) { token url invitation { id } } }`),
        {
          id: link!.invitationId,
        },
      ),
    ).renewInvitationLink;
    expect(renewed.invitation.id).toBe(link!.invitationId);
    expect(renewed.token).not.toBe(link!.token);
    expect(ok(await respond(app, renewed.token, "YES")).respondToInvitation.registrations.map((r: any) => r.seatStatus)).toEqual([
      "CONFIRMED",
    ]);
    expect(errorCode(await respond(app, link!.token, "NO"))).toBe("NOT_FOUND");
    const mails = await app.db.prisma.notification.findMany({ where: { invitationId: link!.invitationId, kind: "INVITATION" } });
    expect(mails.map((m) => m.linkToken)).toContain(renewed.token);
  });

  it("never invites someone who withdrew consent for session invitations", async () => {
    const sessionId = await publishedSession(app, w);
    const [yes, no] = await makeContacts(app, w, 2);
    await app.db.prisma.consent.create({
      data: {
        contactId: no!.id,
        purpose: "SESSION_INVITATIONS",
        legalBasis: "CONSENT",
        givenAt: new Date(Date.now() - 86_400_000),
        withdrawnAt: new Date(),
      },
    });
    const direct = await asCoordinator(
      graphql(`mutation SessionsRsvpInviteToSession4($input: InviteInput!) { inviteToSession(input: $input) { token } }`),
      {
        input: { sessionId, contactIds: [no!.id] },
      },
    );
    expect(direct.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.contactIds" });
    const net = ok(await asCoordinator(CREATE_NETWORK, { name: `Toestemming ${Date.now()}` })).createNetwork.id;
    for (const c of [yes!, no!])
      ok(
        await asCoordinator(
          graphql(
            `mutation SessionsRsvpAddNetworkMember2($n: ID!, $c: ID!) { addNetworkMember(input: { networkId: $n, contactId: $c }) { id } }`,
          ),
          {
            n: net,
            c: c.id,
          },
        ),
      );
    const links = ok(
      await asCoordinator(
        graphql(
          `mutation SessionsRsvpInviteToSession5($input: InviteInput!) { inviteToSession(input: $input) { invitation { contact { id } } } }`,
        ),
        {
          input: { sessionId, networkIds: [net] },
        },
      ),
    ).inviteToSession;
    expect(links.map((l: any) => l.invitation.contact.id)).toEqual([yes!.id]);
  });

  it("answers close with the session: cancelled sessions refuse, the RSVP deadline stops YES but not NO", async () => {
    const soon = new Date(Date.now() + 60 * 60_000);
    const sessionId = await publishedSession(app, w, { rsvpDeadline: new Date(Date.now() + 1_000).toISOString() });
    void soon;
    const [a, b] = await makeContacts(app, w, 2);
    const links = await invite(app, w, sessionId, [a!.id, b!.id]);
    ok(await respond(app, links[0]!.token, "YES"));
    // The RSVP deadline passes: moved into the past rather than waited for.
    await app.db.prisma.themeSession.update({ where: { id: sessionId }, data: { rsvpDeadline: new Date(Date.now() - 1_000) } });
    expect(errorCode(await respond(app, links[1]!.token, "YES"))).toBe("CONFLICT");
    const cancel = ok(await respond(app, links[0]!.token, "NO")).respondToInvitation;
    expect(cancel.response).toBe("NO");
    ok(
      await asCoordinator(graphql(`mutation SessionsRsvpCancelThemeSession($id: ID!) { cancelThemeSession(id: $id) { status } }`), {
        id: sessionId,
      }),
    );
    expect(errorCode(await respond(app, links[1]!.token, "NO"))).toBe("CONFLICT");
    const notes = await app.db.prisma.notification.findMany({ where: { sessionId, kind: "SESSION_CANCELLED" } });
    expect(notes.map((n) => n.recipient).sort()).toEqual([a!.email, b!.email].sort());
  });
});

describe("the 50-for-10 race", () => {
  it("50 simultaneous YES answers for 10 seats over two instances: exactly 10 confirmed, 40 waitlisted in arrival order (3 runs)", async () => {
    for (let run = 0; run < 3; run++) {
      const sessionId = await publishedSession(app, w, { capacity: 10 });
      const people = await makeContacts(app, w, 50);
      const links = await invite(
        app,
        w,
        sessionId,
        people.map((p) => p.id),
      );
      const results = await Promise.all(
        links.map((l, i) => gql(i % 2 ? second : app, RESPOND, { token: l.token, response: "YES", guests: null })),
      );
      for (const r of results) expect(r.errors).toBeUndefined();
      const regs = await app.db.prisma.registration.findMany({ where: { sessionId }, orderBy: [{ queuedAt: "asc" }, { id: "asc" }] });
      expect(regs).toHaveLength(50);
      // Arrival order = the order of taking the session lock = queuedAt order, strictly increasing.
      expect(new Set(regs.map((r) => r.queuedAt.getTime())).size).toBe(50);
      expect(regs.slice(0, 10).every((r) => r.seatStatus === "CONFIRMED")).toBe(true);
      expect(regs.slice(10).every((r) => r.seatStatus === "WAITLISTED")).toBe(true);
      // What each caller was told matches the final state (nobody moved since).
      const told = new Map(results.map((r, i) => [links[i]!.invitationId, r.data!.respondToInvitation.registrations[0]]));
      const view = ok(await asCoordinator(REGS, { id: sessionId })).themeSession;
      expect(view.counts).toEqual({ confirmed: 10, waitlisted: 40, seatsLeft: 0 });
      expect(view.registrations.map((r: any) => r.id)).toEqual(regs.map((r) => r.id));
      expect(view.registrations.slice(10).map((r: any) => r.waitlistPosition)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      for (const r of view.registrations) expect(told.get(r.invitation.id)).toMatchObject({ id: r.id, seatStatus: r.seatStatus });
      // Each got the matching message queued in the same transaction.
      const kinds = await app.db.prisma.notification.groupBy({
        by: ["kind"],
        where: { sessionId, kind: { in: ["RSVP_CONFIRMED", "RSVP_WAITLISTED"] } },
        _count: true,
      });
      expect(Object.fromEntries(kinds.map((k) => [k.kind, k._count]))).toEqual({ RSVP_CONFIRMED: 10, RSVP_WAITLISTED: 40 });
    }
  });
});
