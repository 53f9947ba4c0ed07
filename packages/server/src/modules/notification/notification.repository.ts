import type { DbOrTx } from "../../platform/db/prisma.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { Notification } from "../../generated/prisma/client.js";

/** One message as the coordinator may see it: kind, state, tries — not its text. */
export type MessageDeliveryRow = Pick<
  Notification,
  "id" | "invitationId" | "kind" | "status" | "attempts" | "createdAt" | "sentAt" | "lastError"
>;

export const notificationRepository = {
  /**
   * Claims up to `limit` due messages for this instance: rows locked by another instance's
   * claim are skipped (`SKIP LOCKED`), and the lease (`lockedUntil`) keeps them away from
   * every other claim until it lapses. Exactly one instance gets each row. The lease runs on
   * the database clock, the one clock every instance shares (`now` only decides what is due).
   */
  async claimDue(db: DbOrTx, now: Date, leaseMs: number, limit: number, municipalityId: string | null): Promise<Notification[]> {
    return db.$queryRaw<Notification[]>(Prisma.sql`
      WITH due AS (
        SELECT "id" FROM "Notification"
        WHERE "status" = 'PENDING' AND "dueAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" <= clock_timestamp())
          ${municipalityId ? Prisma.sql`AND "municipalityId" = ${municipalityId}::uuid` : Prisma.empty}
        ORDER BY "dueAt", "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE "Notification" n SET "lockedUntil" = clock_timestamp() + make_interval(secs => ${leaseMs / 1000}), "attempts" = n."attempts" + 1
      FROM due WHERE n."id" = due."id"
      RETURNING n.*
    `);
  },
  /** What became of the messages about these invitations (never their text or link token). */
  findDeliveriesOfInvitations(db: DbOrTx, invitationIds: readonly string[]): Promise<MessageDeliveryRow[]> {
    return db.notification.findMany({
      where: { invitationId: { in: [...invitationIds] } },
      select: { id: true, invitationId: true, kind: true, status: true, attempts: true, createdAt: true, sentAt: true, lastError: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
  },
  async markSent(db: DbOrTx, id: string, at: Date, by: string) {
    // The link token is only needed to write the message: gone once it is sent.
    // updateMany: a row erased meanwhile (contact erasure, retention) is simply gone.
    await db.notification.updateMany({
      where: { id },
      data: { status: "SENT", sentAt: at, sentBy: by, linkToken: null, lockedUntil: null, lastError: null },
    });
  },
  async markFailed(db: DbOrTx, id: string, p: { final: boolean; retryAt: Date; error: string }) {
    await db.notification.updateMany({
      where: { id },
      data: p.final
        ? { status: "FAILED", lockedUntil: null, linkToken: null, lastError: p.error }
        : { dueAt: p.retryAt, lockedUntil: null, lastError: p.error },
    });
  },
  async createMany(db: DbOrTx, rows: Prisma.NotificationCreateManyInput[]) {
    if (rows.length === 0) return 0;
    return (await db.notification.createMany({ data: rows, skipDuplicates: true })).count;
  },
  /** Retention: every message about sessions that ended long ago (unsent ones are moot by then). */
  async deleteForSessions(db: DbOrTx, sessionIds: readonly string[]) {
    if (sessionIds.length === 0) return 0;
    return (await db.notification.deleteMany({ where: { sessionId: { in: [...sessionIds] } } })).count;
  },

  async deletePendingForInvitations(db: DbOrTx, invitationIds: readonly string[]) {
    if (invitationIds.length === 0) return 0;
    return (await db.notification.deleteMany({ where: { invitationId: { in: [...invitationIds] }, status: "PENDING" } })).count;
  },

  /** Erasure: every message to or about the contacts, sent or not; returns their ids (mailbox copies). */
  async deleteForContacts(db: DbOrTx, contactIds: readonly string[]): Promise<string[]> {
    const rows = await db.notification.findMany({ where: { contactId: { in: [...contactIds] } }, select: { id: true } });
    await db.notification.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    return rows.map((r) => r.id);
  },

  /** Subject access: the messages to the person, without the raw link token. */
  findForExport(db: DbOrTx, contactId: string) {
    return db.notification.findMany({
      where: { contactId },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, recipient: true, subject: true, body: true, status: true, createdAt: true, sentAt: true },
    });
  },
};
