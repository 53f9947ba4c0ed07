import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { lastEndedQuarter } from "../src/core/disclosure.js";
import { periodContaining } from "../src/modules/monitoring/monitoring.rules.js";
import { generateInvitationToken, hashInvitationToken } from "../src/modules/session/session.rules.js";
import { gql, startTestApp } from "./support/app.js";
import { ok } from "./support/sessions.js";
import { createWorld, type World } from "./support/world.js";
import { graphql } from "./generated/index.js";

/**
 * Issue 15: figures over time through disclosure control, the anonymous questionnaire and the
 * referral counter. History is written as rows (the past cannot be reported through the API);
 * everything is read through GraphQL or HTTP against the real server.
 */

let app: App;
let w: World;
beforeAll(async () => {
  app = await startTestApp();
  w = await createWorld(app);
});
afterAll(async () => {
  await app?.stop();
});

const MIN = 60_000;
const DAY = 86_400_000;

const MONITORING = graphql(`query MonitoringFigures($d: ID, $g: MonitoringGranularity, $from: DateTime, $to: DateTime) {
  monitoring(districtId: $d, granularity: $g, from: $from, to: $to) {
    district { name } granularity from to
    periods {
      from to label
      signals {
        total { value suppressed } byKind { key count { value suppressed } } bySeverity { key count { value } }
        byStatus { key count { value } } sharedWithPolice { value suppressed } sharedShare
        triageMedianMinutes triageP90Minutes acknowledgeMedianMinutes acknowledgeP90Minutes
      }
      sessions { held { value } invited { value } confirmed { value } attended { value } turnout youthAttendees { value suppressed } youthShare }
      networks { kind members { value suppressed } joined { value } left { value suppressed } churn growth youthMembers { value suppressed } staleMembers { value suppressed } }
      experience { answers { value suppressed } feltHeard trustChange wouldRecommend }
      consentsWithdrawn { value suppressed }
      referrals { value suppressed }
    }
  } }`);

async function seedSessionWithSeats(
  districtId: string,
  endsAt: Date,
  seats: Array<{ attended: boolean; youth?: boolean; confirmed?: boolean }>,
): Promise<{ sessionId: string; tokens: Array<{ token: string; invitationId: string; attended: boolean }> }> {
  const prisma = app.db.prisma;
  const session = await prisma.themeSession.create({
    data: {
      municipalityId: w.municipality.id,
      districtId,
      title: "Gesprek over vertrouwen",
      theme: "ETHNIC_PROFILING",
      startsAt: new Date(endsAt.getTime() - 120 * MIN),
      endsAt,
      place: "Buurthuis",
      capacity: 40,
      status: "COMPLETED",
    },
  });
  const tokens = [];
  for (const seat of seats) {
    const contact = await prisma.contact.create({
      data: { municipalityId: w.municipality.id, fullName: "Deelnemer", ageBand: seat.youth ? "AGE_16_17" : "ADULT" },
    });
    const token = generateInvitationToken();
    const invitation = await prisma.invitation.create({
      data: {
        sessionId: session.id,
        contactId: contact.id,
        tokenHash: hashInvitationToken(token),
        tokenExpiresAt: new Date(Date.now() + 14 * DAY),
        response: seat.confirmed === false ? "NO" : "YES",
      },
    });
    if (seat.confirmed !== false) {
      await prisma.registration.create({
        data: {
          sessionId: session.id,
          invitationId: invitation.id,
          ageBand: seat.youth ? "AGE_16_17" : "ADULT",
          seatStatus: "CONFIRMED",
          confirmedAt: session.startsAt,
          attendance: seat.attended ? "ATTENDED" : "NO_SHOW",
        },
      });
    }
    tokens.push({ token, invitationId: invitation.id, attended: seat.attended });
  }
  return { sessionId: session.id, tokens };
}

describe("figures over time", () => {
  const q = lastEndedQuarter(new Date());
  const inFirstMonth = new Date(q.from.getTime() + 5 * DAY);

  beforeAll(async () => {
    const prisma = app.db.prisma;
    const d0 = w.districts[0]!.id;
    // Seven signals in the first month of the last ended quarter: six tensions (four shared with
    // police), one shared incident. The tensions were triaged after 10, 20 … 60 minutes.
    for (let i = 0; i < 7; i++) {
      const tension = i < 6;
      const createdAt = new Date(inFirstMonth.getTime() + i * 60 * MIN);
      const signal = await prisma.signal.create({
        data: {
          municipalityId: w.municipality.id,
          districtId: d0,
          kind: tension ? "TENSION" : "INCIDENT",
          severity: i < 2 ? "HIGH" : "LOW",
          summary: "Onrust bij het plein",
          visibility: i < 4 || !tension ? "SHARED_WITH_POLICE" : "COORDINATION_ONLY",
          status: tension ? "TRIAGED" : "NEW",
          createdAt,
        },
      });
      if (tension) {
        await prisma.signalUpdate.create({
          data: {
            signalId: signal.id,
            kind: "STATUS_CHANGED",
            fromValue: "NEW",
            toValue: "TRIAGED",
            createdAt: new Date(createdAt.getTime() + (i + 1) * 10 * MIN),
          },
        });
      }
      await prisma.alert.create({
        data: {
          signalId: signal.id,
          recipientId: w.users.liaison.id,
          reason: "DISTRICT_LIAISON",
          createdAt,
          acknowledgedAt: new Date(createdAt.getTime() + (i + 1) * 2 * MIN),
        },
      });
    }
    // A session held in that month: 9 invited, 8 confirmed, 6 attended (2 youth).
    await seedSessionWithSeats(d0, new Date(inFirstMonth.getTime() + 2 * DAY), [
      ...Array.from({ length: 4 }, () => ({ attended: true })),
      { attended: true, youth: true },
      { attended: true, youth: true },
      { attended: false },
      { attended: false },
      { attended: false, confirmed: false },
    ]);
    // An allies network of 6 from a month before the quarter; one left in its first month.
    const network = await prisma.network.create({
      data: { municipalityId: w.municipality.id, kind: "ALLIES", name: "Bondgenoten Noord", districtId: d0 },
    });
    for (let i = 0; i < 6; i++) {
      const contact = await prisma.contact.create({ data: { municipalityId: w.municipality.id, fullName: "Lid", ageBand: "ADULT" } });
      await prisma.networkMembership.create({
        data: {
          networkId: network.id,
          contactId: contact.id,
          since: new Date(q.from.getTime() - 30 * DAY),
          until: i === 0 ? inFirstMonth : null,
        },
      });
      // Two of them spoke with the coordinator within the stale period.
      if (i >= 4)
        await prisma.interaction.create({
          data: { contactId: contact.id, kind: "MEETING", occurredAt: new Date(q.from.getTime() - 10 * DAY) },
        });
    }
  });

  it("gives the coordinator exact monthly figures: signals by kind, response times, sessions and networks", async () => {
    const res = ok(
      await gql(
        app,
        MONITORING,
        { d: w.districts[0]!.id, g: "MONTH", from: q.from.toISOString(), to: q.to.toISOString() },
        w.tokens.coordinator,
      ),
    ).monitoring;
    expect(res.district?.name).toBe("Noord");
    expect(res.periods.map((p) => p.label)).toHaveLength(3);
    const [first, second] = res.periods;
    const s = first!.signals;
    expect(s.total.value).toBe(7);
    expect(Object.fromEntries(s.byKind.map((k) => [k.key, k.count.value]))).toMatchObject({ TENSION: 6, INCIDENT: 1, UNREST: 0 });
    expect(Object.fromEntries(s.bySeverity.map((k) => [k.key, k.count.value]))).toMatchObject({ HIGH: 2, LOW: 5 });
    expect(Object.fromEntries(s.byStatus.map((k) => [k.key, k.count.value]))).toMatchObject({ TRIAGED: 6, NEW: 1 });
    expect(s.sharedWithPolice.value).toBe(5);
    expect(s.sharedShare).toBeCloseTo(5 / 7, 2);
    // Triage after 10 … 60 minutes: median 35, p90 55 (linear interpolation).
    expect(s.triageMedianMinutes).toBe(35);
    expect(s.triageP90Minutes).toBe(55);
    // Acknowledged after 2 … 14 minutes: median 8.
    expect(s.acknowledgeMedianMinutes).toBe(8);
    expect(second!.signals.total.value).toBe(0);
    expect(second!.signals.triageMedianMinutes).toBeNull();

    const ss = first!.sessions;
    expect([ss.held.value, ss.invited.value, ss.confirmed.value, ss.attended.value]).toEqual([1, 9, 8, 6]);
    expect(ss.turnout).toBe(0.75);
    // Two youth attendees: hidden for everyone, and so is their share.
    expect(ss.youthAttendees).toEqual({ value: null, suppressed: true });
    expect(ss.youthShare).toBeNull();

    const allies = first!.networks.find((n) => n.kind === "ALLIES")!;
    expect(allies.members.value).toBe(5);
    expect(allies.left).toEqual({ value: null, suppressed: true });
    expect(allies.churn).toBeNull();
    expect(first!.networks.find((n) => n.kind === null)!.members.value).toBe(5);
    // Three of the five current members had no interaction in the 90 days before the month's end:
    // the rest (2) would be revealed by subtraction, so the count is hidden.
    expect(allies.staleMembers.suppressed).toBe(true);
    expect(second!.networks.find((n) => n.kind === "ALLIES")!.members.value).toBe(5);
  });

  it("exports the same figures as an XLSX workbook, suppressed counts as words", async () => {
    const XLSX = graphql(`query MonitoringXlsx($d: ID, $g: MonitoringGranularity, $from: DateTime, $to: DateTime) {
      monitoringXlsx(districtId: $d, granularity: $g, from: $from, to: $to) { filename base64 } }`);
    const res = ok(
      await gql(app, XLSX, { d: w.districts[0]!.id, g: "MONTH", from: q.from.toISOString(), to: q.to.toISOString() }, w.tokens.coordinator),
    ).monitoringXlsx;
    expect(res.filename).toMatch(/^wijknet-monitoring-noord-\d{4}-\d{2}-\d{4}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(res.base64, "base64") as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Signalen", "Bijeenkomsten", "Netwerken", "Ervaringen"]);
    const signals = book.getWorksheet("Signalen")!;
    expect(signals.getRow(2).getCell(2).value).toBe(7);
    expect(signals.getRow(2).getCell(4).value).toBeCloseTo(5 / 7, 2);
    const sessions = book.getWorksheet("Bijeenkomsten")!;
    expect([2, 3, 4, 5].map((c) => sessions.getRow(2).getCell(c).value)).toEqual([1, 9, 8, 6]);
    expect(sessions.getRow(2).getCell(7).value).toBe("minder dan 5");
  });

  it("gives a police liaison only whole ended quarters of their district, shared signals only, small counts hidden", async () => {
    const d0 = w.districts[0]!.id;
    const asLiaison = (vars: Record<string, unknown>) => gql(app, MONITORING, { d: d0, ...vars }, w.tokens.liaison);
    for (const refused of [
      { g: "MONTH", from: q.from.toISOString(), to: q.to.toISOString() },
      { g: "QUARTER", from: q.to.toISOString(), to: periodContaining(new Date(q.to.getTime() + DAY), "QUARTER").to.toISOString() },
      { g: "QUARTER", from: inFirstMonth.toISOString(), to: q.to.toISOString() },
    ]) {
      const res = await asLiaison(refused);
      expect(res.errors?.[0]?.extensions, JSON.stringify(refused)).toMatchObject({
        code: "BAD_USER_INPUT",
        reason: "PERIOD_NOT_DISCLOSABLE",
      });
    }
    expect((await gql(app, MONITORING, { d: null, g: "QUARTER" }, w.tokens.liaison)).errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    expect((await gql(app, MONITORING, { d: w.districts[1]!.id, g: "QUARTER" }, w.tokens.liaison)).errors?.[0]?.extensions?.["code"]).toBe(
      "FORBIDDEN",
    );

    const res = ok(await asLiaison({ g: "QUARTER", from: q.from.toISOString(), to: q.to.toISOString() })).monitoring;
    expect(res.periods).toHaveLength(1);
    const s = res.periods[0]!.signals;
    // Five shared signals: four tensions and one incident — both hidden, together 5.
    expect(s.total.value).toBe(5);
    expect(s.byKind.find((k) => k.key === "TENSION")!.count).toEqual({ value: null, suppressed: true });
    expect(s.byKind.find((k) => k.key === "INCIDENT")!.count).toEqual({ value: null, suppressed: true });
    expect(s.sharedShare).toBeNull();
    // Four triaged shared signals: too few for a median.
    expect(s.triageMedianMinutes).toBeNull();
    // The default is the last six ended quarters.
    const byDefault = ok(await asLiaison({ g: "QUARTER" })).monitoring;
    expect(byDefault.periods).toHaveLength(6);
    expect(Date.parse(byDefault.to)).toBe(q.to.getTime());
    // No count of 1–4 anywhere in the answer.
    const numbers = JSON.stringify(byDefault).match(/"value":\d+/g) ?? [];
    expect(numbers.filter((n) => /"value":[1-4]$/.test(n))).toEqual([]);
  });

  it("refuses allies and anonymous callers", async () => {
    expect((await gql(app, MONITORING, { d: w.districts[0]!.id, g: "QUARTER" }, w.tokens.ally)).errors?.[0]?.extensions?.["code"]).toBe(
      "FORBIDDEN",
    );
    expect((await gql(app, MONITORING, { d: w.districts[0]!.id, g: "QUARTER" })).errors?.[0]?.extensions?.["code"]).toBe("UNAUTHENTICATED");
  });
});

const ANSWER = graphql(
  `mutation MonitoringAnswer($t: String!, $input: QuestionnaireAnswerInput!) { answerQuestionnaire(token: $t, input: $input) }`,
);
const OPEN = graphql(
  `query MonitoringQuestionnaireOpen($t: String!) { invitation(token: $t) { questionnaireOpen questionnaireAnswered } }`,
);

describe("the experiential questionnaire", () => {
  it("takes one anonymous answer per attendee, cannot be joined back to a person, and shows fewer than 5 answers as suppressed", async () => {
    const d1 = w.districts[1]!.id;
    const endsAt = new Date(Date.now() - 60 * MIN);
    const { sessionId, tokens } = await seedSessionWithSeats(d1, endsAt, [
      ...Array.from({ length: 6 }, () => ({ attended: true })),
      { attended: false },
    ]);
    const attendees = tokens.filter((t) => t.attended);
    const absent = tokens.find((t) => !t.attended)!;
    const period = periodContaining(endsAt, "MONTH");
    const experience = async () =>
      ok(
        await gql(
          app,
          MONITORING,
          { d: d1, g: "MONTH", from: period.from.toISOString(), to: period.to.toISOString() },
          w.tokens.coordinator,
        ),
      ).monitoring.periods[0]!.experience;
    const before = await app.db.prisma.invitation.findMany({ where: { sessionId }, orderBy: { id: "asc" } });

    expect(ok(await gql(app, OPEN, { t: attendees[0]!.token })).invitation).toEqual({
      questionnaireOpen: true,
      questionnaireAnswered: false,
    });
    expect(ok(await gql(app, OPEN, { t: absent.token })).invitation.questionnaireOpen).toBe(false);
    const closed = await gql(app, ANSWER, { t: absent.token, input: { feltHeard: 1, trustChange: 1, wouldRecommend: 1 } });
    expect(closed.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "QUESTIONNAIRE_CLOSED" });
    const describing = await gql(app, ANSWER, {
      t: attendees[0]!.token,
      input: { feltHeard: 4, trustChange: 3, wouldRecommend: 4, comment: "Het zijn weer die Marrokaanse jongens, bekend bij ons" },
    });
    expect(describing.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "DESCRIBES_PERSONS" });
    const outOfRange = await gql(app, ANSWER, { t: attendees[0]!.token, input: { feltHeard: 6, trustChange: 3, wouldRecommend: 4 } });
    expect(outOfRange.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });

    const answers = [
      [5, 4, 5],
      [4, 3, 4],
      [3, 3, 4],
      [5, 5, 5],
      [4, 4, 3],
    ] as const;
    for (let i = 0; i < 4; i++) {
      const [feltHeard, trustChange, wouldRecommend] = answers[i]!;
      expect(
        ok(
          await gql(app, ANSWER, {
            t: attendees[i]!.token,
            input: { feltHeard, trustChange, wouldRecommend, comment: i === 0 ? "Goed gesprek over het plein" : null },
          }),
        ).answerQuestionnaire,
      ).toBe(true);
    }
    const again = await gql(app, ANSWER, { t: attendees[0]!.token, input: { feltHeard: 1, trustChange: 1, wouldRecommend: 1 } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", reason: "ALREADY_ANSWERED" });
    expect(ok(await gql(app, OPEN, { t: attendees[0]!.token })).invitation).toEqual({
      questionnaireOpen: false,
      questionnaireAnswered: true,
    });

    // Four answers: suppressed, even for the coordinator, and no averages.
    expect(await experience()).toEqual({
      answers: { value: null, suppressed: true },
      feltHeard: null,
      trustChange: null,
      wouldRecommend: null,
    });
    const [feltHeard, trustChange, wouldRecommend] = answers[4];
    ok(await gql(app, ANSWER, { t: attendees[4]!.token, input: { feltHeard, trustChange, wouldRecommend } }));
    expect(await experience()).toEqual({ answers: { value: 5, suppressed: false }, feltHeard: 4.2, trustChange: 3.8, wouldRecommend: 4.2 });

    // The answer rows hold nothing that leads back to a person: only these columns, none a
    // time, no reference but the session and municipality, and random (not time-ordered) ids.
    const columns = await app.db.prisma.$queryRaw<Array<{ column_name: string; data_type: string }>>`
      SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'QuestionnaireAnswer' ORDER BY column_name`;
    expect(columns.map((c) => c.column_name).sort()).toEqual([
      "comment",
      "feltHeard",
      "id",
      "municipalityId",
      "sessionId",
      "trustChange",
      "wouldRecommend",
    ]);
    expect(columns.filter((c) => /time|date/i.test(c.data_type))).toEqual([]);
    const fks = await app.db.prisma.$queryRaw<Array<{ target: string }>>`
      SELECT ccu.table_name AS target FROM information_schema.table_constraints tc
      JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
      WHERE tc.table_name = 'QuestionnaireAnswer' AND tc.constraint_type = 'FOREIGN KEY'`;
    expect(fks.map((f) => f.target).sort()).toEqual(["Municipality", "ThemeSession"]);
    const rows = await app.db.prisma.questionnaireAnswer.findMany({ where: { sessionId } });
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r.id[14], "UUIDv4, not a time-ordered v7").toBe("4");
    // The invitations only say "answered": their updatedAt did not move, so no time matches an answer.
    const after = await app.db.prisma.invitation.findMany({ where: { sessionId }, orderBy: { id: "asc" } });
    expect(after.map((i) => i.updatedAt.getTime())).toEqual(before.map((i) => i.updatedAt.getTime()));
    expect(after.filter((i) => i.questionnaireAnswered)).toHaveLength(5);
    // And the audit trail names neither the invitations nor the answers.
    const ids = [...tokens.map((t) => t.invitationId), ...rows.map((r) => r.id), sessionId];
    expect(await app.db.prisma.auditEntry.count({ where: { entityId: { in: ids }, action: "CREATE" } })).toBe(0);
    const audited = await app.db.prisma.auditEntry.findMany({
      where: { municipalityId: w.municipality.id, entityType: "QuestionnaireAnswer" },
    });
    expect(audited).toHaveLength(5);
    for (const a of audited) expect(JSON.stringify(a.details)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
  });
});

describe("referrals to the independent service", () => {
  it("counts a followed link per district and month, stores nothing else, and shows the count", async () => {
    const d2 = w.districts[2]!.id;
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${app.url.replace(/\/graphql$/, "")}/referral?district=${d2}`, {
        redirect: "manual",
        headers: { "user-agent": "test", referer: "http://example.org/melden" },
      });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("https://www.discriminatie.nl/");
    }
    // An unknown district is not counted, but the person still reaches the service.
    const unknown = await fetch(`${app.url.replace(/\/graphql$/, "")}/referral?district=00000000-0000-7000-8000-000000000000`, {
      redirect: "manual",
    });
    expect(unknown.status).toBe(303);

    const columns = await app.db.prisma.$queryRaw<Array<{ column_name: string }>>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'ReferralCount' ORDER BY column_name`;
    expect(columns.map((c) => c.column_name).sort()).toEqual(["count", "districtId", "key", "month", "municipalityId"]);
    const rows = await app.db.prisma.referralCount.findMany({ where: { municipalityId: w.municipality.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ districtId: d2, count: 3 });
    const month = periodContaining(new Date(), "MONTH");
    const res = ok(
      await gql(app, MONITORING, { d: d2, g: "MONTH", from: month.from.toISOString(), to: month.to.toISOString() }, w.tokens.coordinator),
    );
    expect(res.monitoring.periods[0]!.referrals).toEqual({ value: 3, suppressed: false });
  });
});

const CREATE_MEETING = graphql(
  `mutation MonitoringCreateMeeting($input: NetworkMeetingInput!) { createNetworkMeeting(input: $input) { id title agenda network { name } } }`,
);
const UPDATE_MEETING = graphql(
  `mutation MonitoringUpdateMeeting($id: ID!, $input: UpdateNetworkMeetingInput!) { updateNetworkMeeting(id: $id, input: $input) { id minutes } }`,
);
const ADD_POINT = graphql(
  `mutation MonitoringAddPoint($input: ActionPointInput!) { addActionPoint(input: $input) { id description dueDate overdue owner { id } } }`,
);
const POINT_DONE = graphql(`mutation MonitoringPointDone($id: ID!) { setActionPointDone(id: $id) { doneAt overdue } }`);
const ADD_LESSON = graphql(
  `mutation MonitoringAddLesson($input: LessonInput!) { addLesson(input: $input) { id text meeting { id } session { id } } }`,
);
const MEETINGS = graphql(
  `query MonitoringMeetings($n: ID) { networkMeetings(networkId: $n) { id title minutes actionPoints { description dueDate overdue owner { id } } lessons { text } } }`,
);
const LESSONS = graphql(`query MonitoringLessons { lessonsLearned { text meeting { title } session { id } } }`);

describe("network meetings as a learning network", () => {
  it("keeps agenda and minutes (guarded), action points with owner and due date, and lessons listed across meetings and sessions", async () => {
    const network = await app.db.prisma.network.create({
      data: { municipalityId: w.municipality.id, kind: "CITYWIDE_ALLIES", name: "Stedelijk bondgenotenoverleg" },
    });
    const c = w.tokens.coordinator;
    const meeting = ok(
      await gql(
        app,
        CREATE_MEETING,
        { input: { networkId: network.id, title: "Overleg januari", heldAt: "2026-01-15T18:00:00Z", agenda: "1. Opening\n2. Signalen" } },
        c,
      ),
    ).createNetworkMeeting;
    expect(meeting).toMatchObject({
      title: "Overleg januari",
      agenda: "1. Opening\n2. Signalen",
      network: { name: "Stedelijk bondgenotenoverleg" },
    });

    const PEOPLE = "Het zijn weer die Marrokaanse jongens, bekend bij ons";
    const refused = await gql(app, UPDATE_MEETING, { id: meeting.id, input: { minutes: PEOPLE } }, c);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "DESCRIBES_PERSONS", field: "input.minutes" });
    ok(
      await gql(
        app,
        UPDATE_MEETING,
        { id: meeting.id, input: { minutes: "Besproken: onrust bij het plein, aanpak met de wijkagent." } },
        c,
      ),
    );

    const late = ok(
      await gql(
        app,
        ADD_POINT,
        { input: { meetingId: meeting.id, description: "Verslag rondsturen", dueDate: "2026-01-20", ownerId: w.users.coordinator.id } },
        c,
      ),
    ).addActionPoint;
    expect(late).toMatchObject({ dueDate: "2026-01-20", overdue: true, owner: { id: w.users.coordinator.id } });
    const future = ok(
      await gql(app, ADD_POINT, { input: { meetingId: meeting.id, description: "Jongerenwerk uitnodigen", dueDate: "2099-01-01" } }, c),
    ).addActionPoint;
    expect(future).toMatchObject({ overdue: false, owner: null });
    const bad = await gql(app, ADD_POINT, { input: { meetingId: meeting.id, description: "X", dueDate: "2026-02-30" } }, c);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.dueDate" });
    expect(ok(await gql(app, POINT_DONE, { id: late.id }, c)).setActionPointDone.overdue).toBe(false);

    const session = await app.db.prisma.themeSession.findFirstOrThrow({ where: { municipalityId: w.municipality.id } });
    ok(await gql(app, ADD_LESSON, { input: { meetingId: meeting.id, text: "Een vast aanspreekpunt per wijk werkt." } }, c));
    ok(await gql(app, ADD_LESSON, { input: { sessionId: session.id, text: "Jongeren eerder betrekken bij de opzet." } }, c));
    const both = await gql(app, ADD_LESSON, { input: { meetingId: meeting.id, sessionId: session.id, text: "Beide" } }, c);
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });

    const listed = ok(await gql(app, MEETINGS, { n: network.id }, c)).networkMeetings;
    expect(listed).toHaveLength(1);
    expect(listed[0]!.minutes).toContain("wijkagent");
    expect(listed[0]!.actionPoints.map((p) => p.description)).toEqual(["Verslag rondsturen", "Jongerenwerk uitnodigen"]);
    expect(listed[0]!.lessons.map((l) => l.text)).toEqual(["Een vast aanspreekpunt per wijk werkt."]);
    const lessons = ok(await gql(app, LESSONS, {}, c)).lessonsLearned;
    expect(lessons.map((l) => [l.text, l.meeting?.title ?? null, l.session?.id ?? null])).toEqual([
      ["Jongeren eerder betrekken bij de opzet.", null, session.id],
      ["Een vast aanspreekpunt per wijk werkt.", "Overleg januari", null],
    ]);
    // Every change is audited in its transaction.
    expect(
      await app.db.prisma.auditEntry.count({
        where: {
          entityType: { in: ["NetworkMeeting", "MeetingActionPoint", "LessonLearned"] },
          entityId: { not: null },
          municipalityId: w.municipality.id,
        },
      }),
    ).toBe(7);
    expect((await gql(app, LESSONS, {}, w.tokens.liaison)).errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
  });
});
