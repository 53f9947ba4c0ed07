/**
 * Retention with a controllable clock: the sweep is run for "now + N days" and must
 * delete or anonymise exactly what the policy says, audited, and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { gql, startTestApp } from "./support/app.js";
import { createWorld, type World } from "./support/world.js";
import { graphql } from "./generated/index.js";

const DAY = 86_400_000;
let app: App;
let w: World;
beforeAll(async () => {
  app = await startTestApp({
    RETENTION_CONTACT_INACTIVE_AFTER_DAYS: "400",
    RETENTION_CONTACT_ANONYMISE_AFTER_DAYS: "100",
    RETENTION_AUTH_SESSION_DAYS: "30",
  });
  w = await createWorld(app);
});
afterAll(async () => {
  await app?.stop();
});

describe("retention sweep", () => {
  it("flags long-silent contacts inactive, then anonymises them; members and recent contacts stay", async () => {
    const { prisma } = app.db;
    const m = w.municipality.id;
    const make = (fullName: string) =>
      prisma.contact.create({ data: { municipalityId: m, fullName, email: `${fullName.replace(/\W/g, "").toLowerCase()}@example.org` } });
    const silent = await make("Stil Persoon");
    const member = await make("Lid Persoon");
    const spoken = await make("Gesproken Persoon");
    const network = await prisma.network.create({ data: { municipalityId: m, kind: "OTHER", name: "Retentie netwerk" } });
    await prisma.networkMembership.create({ data: { networkId: network.id, contactId: member.id, since: new Date() } });

    // 401 days on, the coordinator had just spoken to one of them.
    const day401 = new Date(Date.now() + 401 * DAY);
    await prisma.contact.update({ where: { id: spoken.id }, data: { lastInteractionAt: new Date(day401.getTime() - DAY) } });
    const first = await app.services.retention.run(day401, { municipalityId: m });
    expect(first).toMatchObject({ contactsFlaggedInactive: 2, contactsAnonymised: 0 });
    const afterFlag = await prisma.contact.findMany({
      where: { id: { in: [silent.id, member.id, spoken.id] } },
      orderBy: { fullName: "asc" },
    });
    expect(afterFlag.map((c) => [c.fullName, c.status])).toEqual([
      ["Gesproken Persoon", "ACTIVE"],
      ["Lid Persoon", "ACTIVE"],
      ["Stil Persoon", "INACTIVE"],
    ]);
    // The createWorld ally contact was silent too (and is not a member): flagged as well.
    expect((await prisma.contact.findUniqueOrThrow({ where: { id: w.allyContact.id } })).status).toBe("INACTIVE");

    // 100 more days inactive: erased, audited without an actor; the row stays.
    const day502 = new Date(day401.getTime() + 101 * DAY);
    const second = await app.services.retention.run(day502, { municipalityId: m });
    expect(second!.contactsAnonymised).toBeGreaterThanOrEqual(1);
    const erased = await prisma.contact.findUniqueOrThrow({ where: { id: silent.id } });
    expect(erased).toMatchObject({ fullName: "Geanonimiseerd", email: null, status: "ARCHIVED" });
    expect(erased.anonymisedAt).not.toBeNull();
    const audit = await prisma.auditEntry.findMany({ where: { entityId: silent.id, action: "ANONYMISE" } });
    expect(audit).toEqual([
      expect.objectContaining({ actorId: null, details: expect.objectContaining({ reason: "retention: inactive too long" }) }),
    ]);
    expect((await prisma.contact.findUniqueOrThrow({ where: { id: member.id } })).anonymisedAt).toBeNull();
  });

  it("a contact set inactive by hand counts from that moment; set active again it is safe", async () => {
    // The sweeps above ran far in the future and purged this world's sessions: a new world.
    w = await createWorld(app);
    const res = await gql(
      app,
      graphql(`mutation RetentionCreateContact { createContact(input: { fullName: "Hand Inactief" }) { id } }`),
      {},
      w.tokens.coordinator,
    );
    const id = res.data!.createContact.id;
    await gql(
      app,
      graphql(`mutation RetentionSetInactive($id: ID!) { updateContact(id: $id, input: { status: INACTIVE }) { id } }`),
      { id },
      w.tokens.coordinator,
    );
    const row = await app.db.prisma.contact.findUniqueOrThrow({ where: { id } });
    expect(row.inactiveSince).not.toBeNull();
    await gql(
      app,
      graphql(`mutation RetentionSetActive($id: ID!) { updateContact(id: $id, input: { status: ACTIVE }) { id } }`),
      { id },
      w.tokens.coordinator,
    );
    await app.services.retention.run(new Date(Date.now() + 101 * DAY), { municipalityId: w.municipality.id });
    const after = await app.db.prisma.contact.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: "ACTIVE", anonymisedAt: null, inactiveSince: null });
  });

  it("purges ended login sessions after the period and keeps live ones", async () => {
    w = await createWorld(app);
    const { prisma } = app.db;
    const sessions = await prisma.authSession.findMany({ where: { userId: w.users.coordinator.id } });
    expect(sessions.length).toBeGreaterThan(0);
    const liveExpiry = sessions[0]!.expiresAt;
    // 29 days after expiry: kept; 31 days after: gone.
    await app.services.retention.run(new Date(liveExpiry.getTime() + 29 * DAY), { municipalityId: w.municipality.id });
    expect(await prisma.authSession.count({ where: { userId: w.users.coordinator.id } })).toBe(sessions.length);
    const report = await app.services.retention.run(new Date(liveExpiry.getTime() + 31 * DAY), { municipalityId: w.municipality.id });
    expect(report!.authSessionsDeleted).toBeGreaterThanOrEqual(sessions.length);
    expect(await prisma.authSession.count({ where: { userId: w.users.coordinator.id } })).toBe(0);
  });

  it("anonymises quiet signals, deletes old ones, prunes the outbox; audited as the system", async () => {
    w = await createWorld(app);
    const { prisma } = app.db;
    const res = await gql(
      app,
      graphql(`mutation RetentionReportSignal($i: ReportSignalInput!) { reportSignal(input: $i) { signal { id } } }`),
      {
        i: {
          districtId: w.districts[0]!.id,
          kind: "TENSION",
          severity: "MEDIUM",
          summary: "Spanning bij het buurthuis",
          details: "Twee groepen",
          place: "Plein",
          visibility: "SHARED_WITH_POLICE",
        },
      },
      w.tokens.coordinator,
    );
    const id = res.data!.reportSignal.signal.id as string;
    const m = w.municipality.id;
    expect(await prisma.event.count({ where: { municipalityId: m } })).toBeGreaterThan(0);

    const afterOutbox = await app.services.retention.run(new Date(Date.now() + 31 * DAY), { municipalityId: m });
    expect(afterOutbox!.outboxEventsDeleted).toBeGreaterThan(0);
    expect(await prisma.event.count({ where: { municipalityId: m } })).toBe(0);
    expect((await prisma.signal.findUniqueOrThrow({ where: { id } })).anonymisedAt).toBeNull();

    const day366 = new Date(Date.now() + 366 * DAY);
    expect((await app.services.retention.run(day366, { municipalityId: m }))!.signalsAnonymised).toBe(1);
    expect(await prisma.signal.findUniqueOrThrow({ where: { id } })).toMatchObject({
      summary: "Geanonimiseerd signaal",
      details: null,
      place: null,
      reporterId: null,
      kind: "TENSION",
      severity: "MEDIUM",
    });
    const day1096 = new Date(Date.now() + 1096 * DAY);
    expect((await app.services.retention.run(day1096, { municipalityId: m }))!.signalsDeleted).toBe(1);
    expect(await prisma.signal.findUnique({ where: { id } })).toBeNull();
    const audit = await prisma.auditEntry.findMany({
      where: { entityType: "Signal", entityId: id, actorId: null },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["ANONYMISE", "DELETE"]);
  });

  it("runs on one instance at a time", async () => {
    const results = await Promise.all([
      app.services.retention.run(new Date(), { municipalityId: w.municipality.id }),
      app.services.retention.run(new Date(), { municipalityId: w.municipality.id }),
      app.services.retention.run(new Date(), { municipalityId: w.municipality.id }),
    ]);
    expect(results.filter((r) => r === null).length).toBeGreaterThanOrEqual(1);
  });
});
