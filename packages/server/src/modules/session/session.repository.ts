import { randomBytes } from "node:crypto";
import { type ConsentDecision, consentFor } from "../../core/minors.js";
import type { DbOrTx } from "../../platform/db/prisma.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { Invitation, Registration, ThemeSession } from "../../generated/prisma/client.js";

export interface CountsRow {
  sessionId: string;
  confirmed: number;
  waitlisted: number;
}

export const sessionRepository = {
  findSessionsByIds: (db: DbOrTx, ids: readonly string[]) => db.themeSession.findMany({ where: { id: { in: [...ids] } } }),
  findSessions: (db: DbOrTx, where: Prisma.ThemeSessionWhereInput, take: number) =>
    db.themeSession.findMany({ where, orderBy: [{ startsAt: "asc" }, { id: "asc" }], take }),
  countSessions: (db: DbOrTx, where: Prisma.ThemeSessionWhereInput) => db.themeSession.count({ where }),
  createSession: (db: DbOrTx, data: Prisma.ThemeSessionUncheckedCreateInput) => db.themeSession.create({ data }),
  updateSession: (db: DbOrTx, id: string, data: Prisma.ThemeSessionUncheckedUpdateInput) => db.themeSession.update({ where: { id }, data }),

  /**
   * Serialises every seat change of one session: the row lock is held until the
   * transaction ends, so arrival order is the order of taking this lock.
   */
  async lockSession(tx: DbOrTx, id: string): Promise<ThemeSession | null> {
    const rows = await tx.$queryRaw<Array<{ id: string }>>(Prisma.sql`SELECT "id" FROM "ThemeSession" WHERE "id" = ${id}::uuid FOR UPDATE`);
    if (rows.length === 0) return null;
    return tx.themeSession.findUnique({ where: { id } });
  },

  /**
   * The next queue time under the session lock: the clock, but always after the last
   * claim of the session (timestamps have millisecond precision), so queue order is
   * lock order even when two claims land in the same millisecond.
   */
  async nextQueuedAt(tx: DbOrTx, sessionId: string): Promise<Date> {
    const rows = await tx.$queryRaw<Array<{ at: Date }>>(Prisma.sql`
      SELECT GREATEST(date_trunc('milliseconds', clock_timestamp()),
                      COALESCE((SELECT max("queuedAt") FROM "Registration" WHERE "sessionId" = ${sessionId}::uuid), '-infinity') + interval '1 millisecond') AS at`);
    return rows[0]!.at;
  },

  findInvitationByTokenHash: (db: DbOrTx, tokenHash: string) => db.invitation.findUnique({ where: { tokenHash } }),
  /** Raw SQL on purpose: Prisma's @updatedAt would stamp the time of answering on the invitation. */
  markQuestionnaireAnswered: (db: DbOrTx, invitationId: string) =>
    db.$executeRaw`UPDATE "Invitation" SET "questionnaireAnswered" = true WHERE "id" = ${invitationId}::uuid AND NOT "questionnaireAnswered"`,
  findInvitationsByIds: (db: DbOrTx, ids: readonly string[]) => db.invitation.findMany({ where: { id: { in: [...ids] } } }),
  findInvitationsOfSessions: (db: DbOrTx, ids: readonly string[]) =>
    db.invitation.findMany({ where: { sessionId: { in: [...ids] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  findInvitedContactIds: async (db: DbOrTx, sessionId: string) =>
    new Set(
      (await db.invitation.findMany({ where: { sessionId, contactId: { not: null } }, select: { contactId: true } })).map(
        (i) => i.contactId!,
      ),
    ),
  createInvitation: (db: DbOrTx, data: Prisma.InvitationUncheckedCreateInput) => db.invitation.create({ data }),
  updateInvitation: (db: DbOrTx, id: string, data: Prisma.InvitationUncheckedUpdateInput) => db.invitation.update({ where: { id }, data }),
  /** Records an answer's idempotency key; false when it was recorded before (a retry). */
  claimAnswerKey: async (db: DbOrTx, invitationId: string, key: string): Promise<boolean> =>
    (await db.rsvpAnswerKey.createMany({ data: [{ invitationId, key }], skipDuplicates: true })).count === 1,
  /** A message is due that wijknet cannot send: these invitees must be called (again). */
  clearInformedByPhone: (db: DbOrTx, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve({ count: 0 })
      : db.invitation.updateMany({
          where: { id: { in: [...ids] }, informedByPhoneAt: { not: null } },
          data: { informedByPhoneAt: null, informedByPhoneById: null },
        }),

  findRegistrationsByIds: (db: DbOrTx, ids: readonly string[]) => db.registration.findMany({ where: { id: { in: [...ids] } } }),
  /** Queue order: first come, first served. */
  findRegistrationsOfSessions: (db: DbOrTx, ids: readonly string[]) =>
    db.registration.findMany({ where: { sessionId: { in: [...ids] } }, orderBy: [{ queuedAt: "asc" }, { id: "asc" }] }),
  findRegistrationsOfInvitations: (db: DbOrTx, ids: readonly string[]) =>
    db.registration.findMany({
      where: { invitationId: { in: [...ids] } },
      orderBy: [{ isGuest: "asc" }, { queuedAt: "asc" }, { id: "asc" }],
    }),
  findActiveRegistrationsOfSession: (tx: DbOrTx, sessionId: string): Promise<Registration[]> =>
    tx.registration.findMany({ where: { sessionId, seatStatus: { not: "CANCELLED" } }, orderBy: [{ queuedAt: "asc" }, { id: "asc" }] }),
  createRegistration: (tx: DbOrTx, data: Prisma.RegistrationUncheckedCreateInput) => tx.registration.create({ data }),
  cancelRegistrations: (tx: DbOrTx, ids: readonly string[]) =>
    tx.registration.updateMany({ where: { id: { in: [...ids] } }, data: { seatStatus: "CANCELLED" } }),
  confirmRegistrations: (tx: DbOrTx, ids: readonly string[], at: Date) =>
    tx.registration.updateMany({
      where: { id: { in: [...ids] }, seatStatus: "WAITLISTED" },
      data: { seatStatus: "CONFIRMED", confirmedAt: at },
    }),
  updateRegistration: (db: DbOrTx, id: string, data: Prisma.RegistrationUncheckedUpdateInput) =>
    db.registration.update({ where: { id }, data }),

  async counts(db: DbOrTx, sessionIds: readonly string[]): Promise<Map<string, CountsRow>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await db.$queryRaw<Array<{ sessionId: string; confirmed: bigint; waitlisted: bigint }>>(Prisma.sql`
      SELECT "sessionId", count(*) FILTER (WHERE "seatStatus" = 'CONFIRMED') AS confirmed,
             count(*) FILTER (WHERE "seatStatus" = 'WAITLISTED') AS waitlisted
      FROM "Registration" WHERE "sessionId" = ANY(${[...sessionIds]}::uuid[]) GROUP BY "sessionId"`);
    return new Map(
      rows.map((r) => [r.sessionId, { sessionId: r.sessionId, confirmed: Number(r.confirmed), waitlisted: Number(r.waitlisted) }]),
    );
  },

  /** 1-based waitlist place of each WAITLISTED registration among the session's waiting ones. */
  async waitlistPositions(db: DbOrTx, registrationIds: readonly string[]): Promise<Map<string, number>> {
    if (registrationIds.length === 0) return new Map();
    const rows = await db.$queryRaw<Array<{ id: string; pos: bigint }>>(Prisma.sql`
      SELECT r."id", 1 + (SELECT count(*) FROM "Registration" w
                          WHERE w."sessionId" = r."sessionId" AND w."seatStatus" = 'WAITLISTED'
                            AND (w."queuedAt", w."id") < (r."queuedAt", r."id")) AS pos
      FROM "Registration" r WHERE r."id" = ANY(${[...registrationIds]}::uuid[]) AND r."seatStatus" = 'WAITLISTED'`);
    return new Map(rows.map((r) => [r.id, Number(r.pos)]));
  },

  findContactsByIds: (db: DbOrTx, ids: readonly string[]) =>
    db.contact.findMany({
      where: { id: { in: [...ids] } },
      select: {
        id: true,
        municipalityId: true,
        email: true,
        preferredLanguage: true,
        fullName: true,
        ageBand: true,
        status: true,
        anonymisedAt: true,
        mergedIntoId: true,
      },
    }),
  /** Current members of networks, with the network they came through (first network wins). */
  async findCurrentMembersOfNetworks(db: DbOrTx, networkIds: readonly string[], now: Date) {
    return db.networkMembership.findMany({
      where: {
        networkId: { in: [...networkIds] },
        until: null,
        since: { lte: now },
        contact: { status: "ACTIVE", anonymisedAt: null, mergedIntoId: null },
      },
      select: { networkId: true, contactId: true },
      orderBy: [{ networkId: "asc" }, { since: "asc" }],
    });
  },
  /**
   * Contacts who may not be invited (core/minors.ts): a withdrawn consent for session
   * invitations, or under 16 without a guardian's consent for it. Keyed by contact, with the reason.
   */
  async findNotInvitable(db: DbOrTx, contactIds: readonly string[]): Promise<Map<string, Exclude<ConsentDecision, "ALLOWED">>> {
    const out = new Map<string, Exclude<ConsentDecision, "ALLOWED">>();
    if (contactIds.length === 0) return out;
    const [contacts, consents] = await Promise.all([
      db.contact.findMany({ where: { id: { in: [...contactIds] } }, select: { id: true, ageBand: true } }),
      db.consent.findMany({ where: { contactId: { in: [...contactIds] }, purpose: "SESSION_INVITATIONS" } }),
    ]);
    for (const c of contacts) {
      const decision = consentFor(
        c.ageBand,
        consents.filter((x) => x.contactId === c.id),
        "SESSION_INVITATIONS",
      );
      if (decision !== "ALLOWED") out.set(c.id, decision);
    }
    return out;
  },
  /** Consent withdrawn: the contact's invitations to sessions that have not ended, with their seats. */
  findOpenInvitationsOf(db: DbOrTx, contactId: string, now: Date) {
    return db.invitation.findMany({
      where: { contactId, session: { endsAt: { gt: now }, status: { in: ["DRAFT", "PUBLISHED"] } } },
      select: { id: true, sessionId: true },
    });
  },
  findNetworksByIds: (db: DbOrTx, ids: readonly string[]) =>
    db.network.findMany({ where: { id: { in: [...ids] } }, select: { id: true, municipalityId: true, archivedAt: true } }),
  findDistrict: (db: DbOrTx, id: string) =>
    db.district.findUnique({ where: { id }, select: { id: true, municipalityId: true, name: true } }),

  /**
   * Sessions inside their reminder window (reminder time passed, not started), claimed so
   * that one instance at a time enqueues their reminders. Sessions stay in the window until
   * they start, so someone confirmed after the first pass still gets their one reminder
   * (the dedupe key makes every later pass a no-op for those reminded already).
   */
  async claimDueReminders(tx: DbOrTx, now: Date, limit: number, afterId: string | null): Promise<string[]> {
    const rows = await tx.$queryRaw<Array<{ id: string }>>(Prisma.sql`
      SELECT "id" FROM "ThemeSession"
      WHERE "status" = 'PUBLISHED' AND "reminderMinutesBefore" IS NOT NULL
        AND "startsAt" > ${now} AND "startsAt" - make_interval(mins => "reminderMinutesBefore") <= ${now}
        ${afterId ? Prisma.sql`AND "id" > ${afterId}::uuid` : Prisma.empty}
      ORDER BY "id" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`);
    return rows.map((r) => r.id);
  },

  /** Sessions that ended before `cutoff` and still hold RSVP personal data; claimed like reminders. */
  async claimExpiredForRetention(tx: DbOrTx, cutoff: Date, limit: number, municipalityId?: string): Promise<string[]> {
    const rows = await tx.$queryRaw<Array<{ id: string }>>(Prisma.sql`
      SELECT s."id" FROM "ThemeSession" s
      WHERE s."endsAt" < ${cutoff}
        ${municipalityId ? Prisma.sql`AND s."municipalityId" = ${municipalityId}::uuid` : Prisma.empty}
        AND (
        EXISTS (SELECT 1 FROM "Invitation" i WHERE i."sessionId" = s."id" AND i."contactId" IS NOT NULL)
        OR EXISTS (SELECT 1 FROM "Registration" r WHERE r."sessionId" = s."id" AND (r."guestLabel" IS NOT NULL OR r."guardianConsentAt" IS NOT NULL))
        OR EXISTS (SELECT 1 FROM "Notification" n WHERE n."sessionId" = s."id"))
      ORDER BY s."endsAt" LIMIT ${limit}
      FOR UPDATE OF s SKIP LOCKED`);
    return rows.map((r) => r.id);
  },

  // ───────────── personal data (session.personal-data.ts) ─────────────

  /** Retention: guest labels and guardian-consent times of the sessions' registrations. */
  async clearGuestData(tx: DbOrTx, sessionIds: readonly string[]): Promise<void> {
    await tx.registration.updateMany({
      where: { sessionId: { in: [...sessionIds] } },
      data: { guestLabel: null, guardianConsentAt: null },
    });
  },

  /**
   * Erasure: the contacts' invitations lose their guests' labels and consent times, their
   * link to the person and their token (a fresh random hash nobody holds, expired now).
   */
  async eraseInvitationsOf(tx: DbOrTx, contactIds: readonly string[], now: Date): Promise<void> {
    const invitations = await tx.invitation.findMany({ where: { contactId: { in: [...contactIds] } }, select: { id: true } });
    if (invitations.length === 0) return;
    const ids = invitations.map((i) => i.id);
    await tx.registration.updateMany({ where: { invitationId: { in: ids } }, data: { guestLabel: null, guardianConsentAt: null } });
    for (const id of ids) {
      await tx.invitation.update({
        where: { id },
        data: { contactId: null, tokenHash: `erased:${randomBytes(32).toString("base64url")}`, tokenExpiresAt: now },
      });
    }
  },

  /** A contact's invitations with their session and seats, for the subject-access export (no token hash). */
  async findInvitationsForExport(db: DbOrTx, contactId: string) {
    const rows = await db.invitation.findMany({
      where: { contactId },
      include: { session: { select: { title: true, startsAt: true } }, registrations: true },
    });
    return rows.map(({ tokenHash: _t, ...inv }) => inv);
  },

  /** Merge: the duplicate's invitations move, except to sessions the kept contact is invited to already. */
  async moveInvitations(db: DbOrTx, fromContactId: string, toContactId: string): Promise<void> {
    const keepSessions = (await db.invitation.findMany({ where: { contactId: toContactId }, select: { sessionId: true } })).map(
      (i) => i.sessionId,
    );
    await db.invitation.updateMany({
      where: { contactId: fromContactId, sessionId: { notIn: keepSessions } },
      data: { contactId: toContactId },
    });
  },
};

export type { Invitation, Registration, ThemeSession };
