import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { gql, newTestDataDir, startTestApp } from "./support/app.js";
import { invite, makeContacts, ok, publishedSession, readMailbox, respond } from "./support/sessions.js";
import { waitUntil } from "./support/wait.js";
import { createWorld, type World } from "./support/world.js";
import { graphql } from "./generated/index.js";

let a: App;
let b: App;
let w: World;
beforeAll(async () => {
  // Two instances on the same PostgreSQL and Redis, both sweeping on a short interval; either may
  // deliver a message, so they share this file's own mailbox (no other test file writes to it).
  const DATA_DIR = newTestDataDir();
  // Instances of one deployment share PUBLIC_URL (without it each would link to itself).
  const PUBLIC_URL = "https://wijknet.utrecht.example";
  a = await startTestApp({ SWEEP_INTERVAL_MS: "100", INSTANCE_ID: "instance-a", DATA_DIR, PUBLIC_URL });
  b = await startTestApp({ SWEEP_INTERVAL_MS: "100", INSTANCE_ID: "instance-b", DATA_DIR, PUBLIC_URL });
  w = await createWorld(a);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe("notification outbox and mailbox", () => {
  it("delivers invitation and confirmation messages to the local mailbox, with the personal link, once each", async () => {
    const sessionId = await publishedSession(a, w, { capacity: 1 });
    const people = await makeContacts(a, w, 2);
    const noEmail = await makeContacts(a, w, 1, { email: false });
    const links = await invite(a, w, sessionId, [...people.map((p) => p.id), noEmail[0]!.id]);
    ok(await respond(a, links[0]!.token, "YES"));
    ok(await respond(b, links[1]!.token, "YES"));
    const mailOf = (to: string) => readMailbox(a, to);
    const first = await waitUntil(
      async () => {
        const m = await mailOf(people[0]!.email!);
        return m.length >= 2 && m;
      },
      { message: "two messages to the first person" },
    );
    expect(first.map((m) => m.kind).sort()).toEqual(["INVITATION", "RSVP_CONFIRMED"]);
    const invitationMail = first.find((m) => m.kind === "INVITATION")!;
    expect(invitationMail.text).toContain(`https://wijknet.utrecht.example/rsvp/${links[0]!.token}`);
    const second = await waitUntil(
      async () => {
        const m = await mailOf(people[1]!.email!);
        return m.length >= 2 && m;
      },
      { message: "two messages to the second person" },
    );
    expect(second.map((m) => m.kind).sort()).toEqual(["INVITATION", "RSVP_WAITLISTED"]);
    expect(second.find((m) => m.kind === "RSVP_WAITLISTED")!.text).toContain("plek 1");
    // The raw token is gone from the database once the message went out.
    // The mailbox file is written before the row is marked SENT: wait for the rows, then check them.
    const rows = await waitUntil(
      async () => {
        const r = await a.db.prisma.notification.findMany({ where: { sessionId } });
        return r.every((n) => n.status === "SENT") && r;
      },
      { message: "every message of the session marked SENT" },
    );
    expect(rows.every((n) => n.status === "SENT" && n.linkToken === null && n.attempts === 1)).toBe(true);
    expect(rows.filter((n) => n.kind === "INVITATION")).toHaveLength(2);

    // Cancelling from the waitlist frees nothing; the confirmed one cancelling promotes and tells the waiting one.
    ok(await respond(a, links[0]!.token, "NO"));
    const promoted = await waitUntil(
      async () => {
        const m = await mailOf(people[1]!.email!);
        return m.some((x) => x.kind === "RSVP_PROMOTED") && m;
      },
      { message: "RSVP_PROMOTED mail" },
    );
    expect(promoted.filter((m) => m.kind === "RSVP_PROMOTED")).toHaveLength(1);
    await waitUntil(async () => (await mailOf(people[0]!.email!)).some((m) => m.kind === "RSVP_RECEIVED"), {
      message: "RSVP_RECEIVED mail",
    });
  });

  it("writes to every invitee in their own language: English for preferredLanguage en-GB, Dutch otherwise", async () => {
    const sessionId = await publishedSession(a, w, { capacity: 1 });
    const [english] = await makeContacts(a, w, 1, { preferredLanguage: "en-GB" });
    const [dutch] = await makeContacts(a, w, 1, { preferredLanguage: "nl" });
    const [other] = await makeContacts(a, w, 1, { preferredLanguage: "pap" });
    const links = await invite(a, w, sessionId, [english!.id, dutch!.id, other!.id]);
    ok(await respond(a, links[0]!.token, "YES"));
    ok(await respond(a, links[1]!.token, "YES"));
    const mails = async (to: string, n: number) =>
      waitUntil(
        async () => {
          const m = await readMailbox(a, to);
          return m.length >= n && m;
        },
        { message: `${n} messages to ${to}` },
      );
    const en = await mails(english!.email!, 2);
    expect(en.find((m) => m.kind === "INVITATION")!.subject).toMatch(/^Invitation: /);
    expect(en.find((m) => m.kind === "INVITATION")!.text).toContain("You are invited to the theme session");
    expect(en.find((m) => m.kind === "RSVP_CONFIRMED")!.subject).toMatch(/^Confirmed: /);
    const nl = await mails(dutch!.email!, 2);
    expect(nl.find((m) => m.kind === "INVITATION")!.subject).toMatch(/^Uitnodiging: /);
    expect(nl.find((m) => m.kind === "RSVP_WAITLISTED")!.text).toContain("plek 1");
    // A language without messages of its own gets the default, Dutch.
    expect((await mails(other!.email!, 1))[0]!.subject).toMatch(/^Uitnodiging: /);
    // The confirmed English invitee cancels: the Dutch one moves up and is told in Dutch, the English one in English.
    ok(await respond(a, links[0]!.token, "NO"));
    const received = await waitUntil(async () => (await readMailbox(a, english!.email!)).find((m) => m.kind === "RSVP_RECEIVED"), {
      message: "RSVP_RECEIVED in English",
    });
    expect(received.subject).toMatch(/^Answer received: /);
    const promoted = await waitUntil(async () => (await readMailbox(a, dutch!.email!)).find((m) => m.kind === "RSVP_PROMOTED"), {
      message: "RSVP_PROMOTED in Dutch",
    });
    expect(promoted.subject).toMatch(/^Er is plaats: /);
  });

  it("editing time or place tells everyone invited; a title change does not", async () => {
    const sessionId = await publishedSession(a, w);
    const people = await makeContacts(a, w, 3);
    const links = await invite(
      a,
      w,
      sessionId,
      people.map((p) => p.id),
    );
    ok(await respond(a, links[0]!.token, "NO"));
    const UPDATE = graphql(
      `mutation NotificationsUpdatePlace($id: ID!, $input: UpdateThemeSessionInput!) { updateThemeSession(id: $id, input: $input) { place } }`,
    );
    ok(await gql(a, UPDATE, { id: sessionId, input: { title: "Nieuwe titel" } }, w.tokens.coordinator));
    expect(await a.db.prisma.notification.count({ where: { sessionId, kind: "SESSION_CHANGED" } })).toBe(0);
    ok(await gql(a, UPDATE, { id: sessionId, input: { place: "Bibliotheek Overvecht" } }, w.tokens.coordinator));
    for (const p of people) {
      const mail = await waitUntil(
        async () => {
          const m = await readMailbox(a, p.email!);
          return m.some((x) => x.kind === "SESSION_CHANGED") && m;
        },
        { message: "SESSION_CHANGED mail" },
      );
      const changed = mail.filter((m) => m.kind === "SESSION_CHANGED");
      expect(changed).toHaveLength(1);
      expect(changed[0]!.text).toContain("Bibliotheek Overvecht");
    }
  });

  it("a raised capacity promotes from the waitlist in order and tells them", async () => {
    const sessionId = await publishedSession(a, w, { capacity: 1 });
    const people = await makeContacts(a, w, 3);
    const links = await invite(
      a,
      w,
      sessionId,
      people.map((p) => p.id),
    );
    for (const l of links) ok(await respond(a, l.token, "YES"));
    ok(
      await gql(
        a,
        graphql(`mutation NotificationsRaiseCapacity($id: ID!) { updateThemeSession(id: $id, input: { capacity: 2 }) { capacity } }`),
        { id: sessionId },
        w.tokens.coordinator,
      ),
    );
    const notes = await a.db.prisma.notification.findMany({ where: { sessionId, kind: "RSVP_PROMOTED" } });
    expect(notes.map((n) => n.recipient)).toEqual([people[1]!.email]);
    const shrink = await gql(
      a,
      graphql(`mutation NotificationsShrinkCapacity($id: ID!) { updateThemeSession(id: $id, input: { capacity: 1 }) { capacity } }`),
      { id: sessionId },
      w.tokens.coordinator,
    );
    expect(shrink.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.capacity" });
  });
});

describe("erasure", () => {
  it("erasing a contact removes their queued and sent messages; nothing goes out to them after", async () => {
    const sessionId = await publishedSession(a, w);
    const [p] = await makeContacts(a, w, 1);
    await invite(a, w, sessionId, [p!.id]);
    expect(await a.db.prisma.notification.count({ where: { contactId: p!.id } })).toBe(1);
    ok(
      await gql(
        a,
        graphql(`mutation NotificationsEraseContact($id: ID!) { eraseContact(id: $id) { id } }`),
        { id: p!.id },
        w.tokens.coordinator,
      ),
    );
    expect(await a.db.prisma.notification.count({ where: { contactId: p!.id } })).toBe(0);
    expect(await a.db.prisma.notification.count({ where: { recipient: p!.email } })).toBe(0);
  });
});

describe("reminders across two instances", () => {
  it("each confirmed invitee gets exactly one reminder, however many sweeps race", async () => {
    // Starts in 30 minutes; reminder 60 minutes before: due now.
    const sessionId = await publishedSession(a, w, { capacity: 6, reminderMinutesBefore: 60 }, 0.5);
    const people = await makeContacts(a, w, 8);
    const links = await invite(
      a,
      w,
      sessionId,
      people.map((p) => p.id),
    );
    // Answer fast through both instances; the interval sweeps are running meanwhile.
    await Promise.all(links.map((l, i) => respond(i % 2 ? a : b, l.token, "YES")));
    // And hammer the sweep on both instances at once on top of the timers.
    await Promise.all([a.jobs.runLane("sweep"), b.jobs.runLane("sweep"), a.jobs.runLane("sweep"), b.jobs.runLane("sweep")]);
    const confirmed = await a.db.prisma.registration.findMany({
      where: { sessionId, seatStatus: "CONFIRMED" },
      include: { invitation: true },
    });
    expect(confirmed).toHaveLength(6);
    const session = await a.db.prisma.themeSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.reminderSentAt).not.toBeNull();
    // Exactly the confirmed invitees, once each, even those confirmed after the first pass.
    await waitUntil(async () => (await a.db.prisma.notification.count({ where: { sessionId, kind: "REMINDER" } })) >= 6, {
      timeoutMs: 5_000,
      message: "six REMINDER notifications",
    });
    await Promise.all([a.jobs.runLane("sweep"), b.jobs.runLane("sweep"), a.jobs.runLane("sweep"), b.jobs.runLane("sweep")]);
    const all = await waitUntil(
      async () => {
        const rows = await a.db.prisma.notification.findMany({ where: { sessionId, kind: "REMINDER" } });
        return rows.every((r) => r.status === "SENT") && rows;
      },
      { message: "every REMINDER sent" },
    );
    expect(all.map((r) => r.invitationId).sort()).toEqual(confirmed.map((r) => r.invitationId).sort());
    expect(all.every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
    for (const p of people) {
      const expected = confirmed.some((r) => r.invitation.contactId === p.id) ? 1 : 0;
      expect((await readMailbox(a, p.email!)).filter((m) => m.kind === "REMINDER")).toHaveLength(expected);
    }
  });

  it("a reminder that is due is sent once when both instances sweep at exactly the same time", async () => {
    const sessionId = await publishedSession(a, w, { capacity: 10, reminderMinutesBefore: 24 * 60 }, 48);
    const people = await makeContacts(a, w, 10);
    const links = await invite(
      a,
      w,
      sessionId,
      people.map((p) => p.id),
    );
    for (const l of links) ok(await respond(a, l.token, "YES"));
    // Make it due by moving the clock (services take `now`): 25 hours before the start.
    const due = new Date(Date.now() + 24 * 3_600_000 + 60_000);
    await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).jobs.runLane("sweep", due)));
    const reminders = await waitUntil(
      async () => {
        const rows = await a.db.prisma.notification.findMany({ where: { sessionId, kind: "REMINDER" } });
        return rows.length === 10 && rows.every((r) => r.status === "SENT") && rows;
      },
      { message: "ten REMINDERs sent" },
    );
    expect(reminders).toHaveLength(10);
    expect(reminders.every((r) => r.attempts === 1)).toBe(true);
    expect(reminders.every((r) => r.sentBy === "instance-a" || r.sentBy === "instance-b")).toBe(true);
    for (const p of people) expect((await readMailbox(a, p.email!)).filter((m) => m.kind === "REMINDER")).toHaveLength(1);
    // Moving the session re-arms the reminder for the new start.
    ok(
      await gql(
        a,
        graphql(
          `mutation NotificationsReschedule($id: ID!, $s: DateTime!, $e: DateTime!) { updateThemeSession(id: $id, input: { startsAt: $s, endsAt: $e }) { reminderSentAt } }`,
        ),
        { id: sessionId, s: new Date(Date.now() + 72 * 3_600_000).toISOString(), e: new Date(Date.now() + 73 * 3_600_000).toISOString() },
        w.tokens.coordinator,
      ),
    );
    await Promise.all([
      a.jobs.runLane("sweep", new Date(Date.now() + 48 * 3_600_000 + 60_000)),
      b.jobs.runLane("sweep", new Date(Date.now() + 48 * 3_600_000 + 60_000)),
    ]);
    expect(await a.db.prisma.notification.count({ where: { sessionId, kind: "REMINDER" } })).toBe(20);
  });
});
