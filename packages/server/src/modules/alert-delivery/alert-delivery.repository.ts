import type { DbOrTx } from "../../platform/db/prisma.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { AlertDelivery, NotificationRule, PushDevice } from "../../generated/prisma/client.js";
import type { AlertChannel, AlertReason, Language, Role, Severity, SignalKind } from "../../generated/prisma/enums.js";

/** What sending one alert needs: the alert, its signal's lock-screen facts and the recipient. */
export interface AlertContext {
  alertId: string;
  signalId: string;
  municipalityId: string;
  recipientId: string;
  reason: AlertReason;
  createdAt: Date;
  deliveredAt: Date | null;
  acknowledgedAt: Date | null;
  severity: Severity;
  kind: SignalKind;
  districtName: string;
  email: string;
  role: Role;
  language: Language;
  recipientActive: boolean;
  summary: string;
  details: string | null;
  place: string | null;
  textFlaggedFields: string[];
  policeSummary: string | null;
  policeDetails: string | null;
  policePlace: string | null;
}

export type NewDelivery = Pick<AlertDelivery, "alertId" | "channel" | "target" | "deviceId" | "dueAt">;

export const alertDeliveryRepository = {
  // ─── devices ───
  findDevicesOfUsers(db: DbOrTx, userIds: readonly string[]): Promise<PushDevice[]> {
    return db.pushDevice.findMany({ where: { userId: { in: [...userIds] } }, orderBy: { createdAt: "asc" } });
  },
  findDevice(db: DbOrTx, id: string): Promise<PushDevice | null> {
    return db.pushDevice.findUnique({ where: { id } });
  },
  /** One endpoint is one device; a browser that switched account now belongs to the new one. */
  upsertDevice(db: DbOrTx, d: Pick<PushDevice, "userId" | "endpoint" | "p256dh" | "auth" | "service">): Promise<PushDevice> {
    return db.pushDevice.upsert({
      where: { endpoint: d.endpoint },
      create: d,
      update: { userId: d.userId, p256dh: d.p256dh, auth: d.auth, service: d.service },
    });
  },
  async deleteDevice(db: DbOrTx, id: string): Promise<number> {
    return (await db.pushDevice.deleteMany({ where: { id } })).count;
  },
  async touchDevice(db: DbOrTx, id: string, at: Date): Promise<void> {
    await db.pushDevice.updateMany({ where: { id }, data: { lastSuccessAt: at } });
  },

  // ─── rules ───
  findRules(db: DbOrTx, userIds: readonly string[]): Promise<NotificationRule[]> {
    return db.notificationRule.findMany({ where: { userId: { in: [...userIds] } } });
  },
  upsertRule(db: DbOrTx, userId: string, data: Omit<NotificationRule, "userId" | "updatedAt">): Promise<NotificationRule> {
    return db.notificationRule.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  },

  // ─── alerts (read-only: the signal module owns them) ───
  findAlertContexts(db: DbOrTx, alertIds: readonly string[]): Promise<AlertContext[]> {
    if (alertIds.length === 0) return Promise.resolve([]);
    return db.$queryRaw<AlertContext[]>(Prisma.sql`
      SELECT a."id" AS "alertId", a."signalId", s."municipalityId", a."recipientId", a."reason", a."createdAt",
             a."deliveredAt", a."acknowledgedAt", s."severity", s."kind", d."name" AS "districtName",
             u."email", u."role", u."language", (u."status" = 'ACTIVE' AND u."erasedAt" IS NULL) AS "recipientActive",
             s."summary", s."details", s."place", s."textFlaggedFields", s."policeSummary", s."policeDetails", s."policePlace"
      FROM "Alert" a
      JOIN "Signal" s ON s."id" = a."signalId"
      JOIN "District" d ON d."id" = s."districtId"
      JOIN "User" u ON u."id" = a."recipientId"
      WHERE a."id" = ANY(${[...alertIds]}::uuid[])
    `);
  },
  /** Alerts raised since `since` that no instance planned yet (every planned alert has its CONSOLE row). */
  async findUnplannedAlertIds(db: DbOrTx, since: Date, limit: number): Promise<string[]> {
    const rows = await db.$queryRaw<Array<{ id: string }>>(Prisma.sql`
      SELECT a."id" FROM "Alert" a
      WHERE a."createdAt" >= ${since}
        AND NOT EXISTS (SELECT 1 FROM "AlertDelivery" x WHERE x."alertId" = a."id" AND x."channel" = 'CONSOLE')
      ORDER BY a."createdAt" LIMIT ${limit}
    `);
    return rows.map((r) => r.id);
  },

  // ─── deliveries ───
  /** The unique (alert, channel, target) key makes planning idempotent across instances. */
  async createDeliveries(db: DbOrTx, rows: readonly NewDelivery[]): Promise<number> {
    if (rows.length === 0) return 0;
    return (await db.alertDelivery.createMany({ data: [...rows], skipDuplicates: true })).count;
  },
  /**
   * Claims due push and email deliveries for this instance: rows another claim holds are
   * skipped (`SKIP LOCKED`) and the lease keeps them from every other claim until it lapses
   * (a crashed sender's rows are sent again: at least once, with the delivery id as the
   * recipient's dedupe key). The lease runs on the database clock, shared by all instances.
   */
  claimDue(db: DbOrTx, now: Date, leaseMs: number, limit: number, channels: readonly AlertChannel[]): Promise<AlertDelivery[]> {
    return db.$queryRaw<AlertDelivery[]>(Prisma.sql`
      WITH due AS (
        SELECT "id" FROM "AlertDelivery"
        WHERE "status" = 'PENDING' AND "channel"::text = ANY(${[...channels]}::text[]) AND "dueAt" <= ${now}
          AND ("lockedUntil" IS NULL OR "lockedUntil" <= clock_timestamp())
        ORDER BY "dueAt", "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE "AlertDelivery" x SET "lockedUntil" = clock_timestamp() + make_interval(secs => ${leaseMs / 1000}),
        "attempts" = x."attempts" + 1
      FROM due WHERE x."id" = due."id"
      RETURNING x.*
    `);
  },
  async markDelivered(db: DbOrTx, id: string, sentAt: Date, at: Date): Promise<void> {
    await db.alertDelivery.updateMany({
      where: { id },
      data: { status: "DELIVERED", sentAt, deliveredAt: at, lockedUntil: null, lastError: null },
    });
  },
  async markRetry(db: DbOrTx, id: string, sentAt: Date, retryAt: Date, error: string): Promise<void> {
    await db.alertDelivery.updateMany({ where: { id }, data: { sentAt, dueAt: retryAt, lockedUntil: null, lastError: error } });
  },
  async markFailed(db: DbOrTx, id: string, sentAt: Date | null, at: Date, error: string): Promise<void> {
    await db.alertDelivery.updateMany({
      where: { id },
      data: { status: "FAILED", sentAt, failedAt: at, lockedUntil: null, lastError: error },
    });
  },
  async markCancelled(db: DbOrTx, id: string, reason: string): Promise<void> {
    await db.alertDelivery.updateMany({ where: { id }, data: { status: "CANCELLED", lockedUntil: null, lastError: reason } });
  },
  /** Idempotent: the first report sets the time; a repeat (same or another key) changes nothing. */
  async markSeen(db: DbOrTx, alertId: string, channel: AlertChannel, key: string, at: Date): Promise<number> {
    return (
      await db.alertDelivery.updateMany({
        where: { alertId, channel, seenAt: null },
        data: { seenAt: at, seenKey: key },
      })
    ).count;
  },
  findDeliveriesOfAlerts(db: DbOrTx, alertIds: readonly string[]) {
    return db.alertDelivery.findMany({
      where: { alertId: { in: [...alertIds] } },
      orderBy: [{ channel: "asc" }, { createdAt: "asc" }],
      include: { device: { select: { service: true } } },
    });
  },

  // ─── erasure ───
  async deleteForUsers(db: DbOrTx, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await db.pushDevice.deleteMany({ where: { userId: { in: [...userIds] } } });
    await db.notificationRule.deleteMany({ where: { userId: { in: [...userIds] } } });
  },
  findDevicesForExport(db: DbOrTx, userId: string) {
    return db.pushDevice.findMany({ where: { userId }, select: { id: true, service: true, createdAt: true, lastSuccessAt: true } });
  },
};

export type DeliveryWithDevice = Awaited<ReturnType<typeof alertDeliveryRepository.findDeliveriesOfAlerts>>[number];
