import type { DbOrTx, Tx } from "../../platform/db/prisma.js";
import type { Prisma } from "../../generated/prisma/client.js";
import type { SituationTextWarning } from "../../core/situation-text.js";
import type { AlertReason, SignalStatus } from "../../generated/prisma/enums.js";

/**
 * Which shared signals a partner liaison may read: the police audience (SHARED_WITH_POLICE)
 * or one other partner organisation (listed in `sharedWithIds`). See signal.policy.ts.
 */
export type PartnerAudience = { police: true } | { organisationId: string };

/** The audience of a liaison viewer (signal.policy.ts `sharedWithAudience` as a query). */
export function audienceOf(viewer: { partnerKind?: string | null; partnerOrganisationId?: string | null }): PartnerAudience {
  return !viewer.partnerKind || viewer.partnerKind === "POLICE" || !viewer.partnerOrganisationId
    ? { police: true }
    : { organisationId: viewer.partnerOrganisationId };
}

function audienceWhere(audience: PartnerAudience): Prisma.SignalWhereInput {
  return "police" in audience ? { visibility: "SHARED_WITH_POLICE" } : { sharedWithIds: { has: audience.organisationId } };
}

export const signalRepository = {
  findDistrict(db: DbOrTx, id: string) {
    return db.district.findUnique({ where: { id } });
  },
  findNeighbourhood(db: DbOrTx, id: string) {
    return db.neighbourhood.findUnique({ where: { id } });
  },
  findNeighbourhoodsByIds(db: DbOrTx, ids: readonly string[]) {
    return db.neighbourhood.findMany({ where: { id: { in: [...ids] } } });
  },

  createSignal(db: DbOrTx, data: Prisma.SignalUncheckedCreateInput) {
    return db.signal.create({ data });
  },
  /** The report this account already made with this client key, if any (reportSignal retries). */
  findByIdempotencyKey(db: DbOrTx, reporterId: string, idempotencyKey: string) {
    return db.signal.findUnique({ where: { reporterId_idempotencyKey: { reporterId, idempotencyKey } } });
  },
  findSignal(db: DbOrTx, id: string) {
    return db.signal.findUnique({ where: { id } });
  },
  findSignalsByIds(db: DbOrTx, ids: readonly string[]) {
    return db.signal.findMany({ where: { id: { in: [...ids] } } });
  },
  /** Serialises triage, acknowledgements and the escalation sweep on one signal. */
  async lockSignal(tx: Tx, id: string): Promise<boolean> {
    const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id"::text FROM "Signal" WHERE "id" = ${id}::uuid FOR UPDATE`;
    return rows.length === 1;
  },
  updateSignal(db: DbOrTx, id: string, data: Prisma.SignalUncheckedUpdateInput) {
    return db.signal.update({ where: { id }, data });
  },
  /** Newest first; `afterId` is the last id of the previous page (UUIDv7 ids sort by time). */
  findSignals(
    db: DbOrTx,
    where: { municipalityId: string; districtIds?: string[]; status?: SignalStatus; sharedWith: PartnerAudience | null },
    take: number,
    afterId: string | null,
  ) {
    return db.signal.findMany({
      where: {
        municipalityId: where.municipalityId,
        ...(where.districtIds ? { districtId: { in: where.districtIds } } : {}),
        ...(where.status ? { status: where.status } : {}),
        ...(where.sharedWith ? audienceWhere(where.sharedWith) : {}),
        ...(afterId ? { id: { lt: afterId } } : {}),
      },
      orderBy: { id: "desc" },
      take,
    });
  },

  /** The overridden warnings of a new signal, one row per field. */
  createTextOverrides(db: DbOrTx, signalId: string, acknowledgedById: string, at: Date, warnings: readonly SituationTextWarning[]) {
    const byField = new Map<string, SituationTextWarning[]>();
    for (const w of warnings) {
      const field = w.field.replace(/^input\./, "");
      byField.set(field, [...(byField.get(field) ?? []), w]);
    }
    return db.signalTextOverride.createMany({
      data: [...byField].map(([field, ws]) => ({
        signalId,
        field,
        acknowledgedById,
        acknowledgedAt: at,
        words: ws.map((w) => ({
          term: w.term,
          family: w.family,
          category: w.category,
          positions: w.positions,
        })) as unknown as Prisma.InputJsonValue,
      })),
    });
  },
  findTextOverridesBySignalIds(db: DbOrTx, signalIds: readonly string[]) {
    return db.signalTextOverride.findMany({
      where: { signalId: { in: [...signalIds] } },
      orderBy: [{ acknowledgedAt: "asc" }, { id: "asc" }],
    });
  },

  /** Ids of the signals a feed subscriber may see now (liaisons: shared ones in their districts). */
  async findVisibleSignalIds(db: DbOrTx, where: { municipalityId: string; districtIds: string[]; sharedWith: PartnerAudience | null }) {
    const rows = await db.signal.findMany({
      where: {
        municipalityId: where.municipalityId,
        ...(where.sharedWith ? { ...audienceWhere(where.sharedWith), districtId: { in: where.districtIds } } : {}),
      },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  },

  /** Subject access: signals reported from the account linked to this contact. */
  findReportedByContactsAccount(db: DbOrTx, contactId: string) {
    return db.signal.findMany({
      where: { reporter: { contactId } },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, severity: true, summary: true, details: true, place: true, status: true, createdAt: true },
    });
  },

  /** Subject access of an account: the signals it reported. */
  findReportedByUser(db: DbOrTx, userId: string) {
    return db.signal.findMany({
      where: { reporterId: userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, severity: true, summary: true, details: true, place: true, status: true, createdAt: true },
    });
  },

  /**
   * Erasure: acknowledgement comments written by the accounts, in the Alert rows, their
   * timeline entries and the alert snapshots of this module's outbox events (topic "alert", signal.events.ts), which
   * replays would otherwise resend.
   */
  async clearAcknowledgeCommentsOf(db: DbOrTx, userIds: readonly string[]) {
    if (userIds.length === 0) return;
    await db.alert.updateMany({
      where: { recipientId: { in: [...userIds] }, acknowledgeComment: { not: null } },
      data: { acknowledgeComment: null },
    });
    // The same comment is the note of their ALERT_ACKNOWLEDGED timeline entries.
    await db.signalUpdate.updateMany({
      where: { authorId: { in: [...userIds] }, kind: "ALERT_ACKNOWLEDGED", note: { not: null } },
      data: { note: null },
    });
    const ids = [...userIds];
    await db.$executeRaw`
      UPDATE "Event" SET "payload" = jsonb_set("payload"::jsonb, '{alert,acknowledgeComment}', 'null'::jsonb)
      WHERE "topic" = 'alert' AND "payload"->'alert'->>'recipientId' = ANY(${ids}::text[])`;
    await db.$executeRaw`
      UPDATE "Event" SET "payload" = jsonb_set("payload"::jsonb, '{acknowledged,acknowledgeComment}', 'null'::jsonb)
      WHERE "topic" = 'alert' AND jsonb_typeof("payload"->'acknowledged') = 'object'
        AND "payload"->'acknowledged'->>'recipientId' = ANY(${ids}::text[])`;
  },

  createUpdates(db: DbOrTx, rows: Prisma.SignalUpdateCreateManyInput[]) {
    return db.signalUpdate.createMany({ data: rows });
  },
  findUpdatesBySignalIds(db: DbOrTx, signalIds: readonly string[]) {
    return db.signalUpdate.findMany({ where: { signalId: { in: [...signalIds] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  },

  /** Active coordinators of a municipality. */
  findCoordinators(db: DbOrTx, municipalityId: string) {
    return db.user.findMany({ where: { municipalityId, role: "COORDINATOR", status: "ACTIVE" }, select: { id: true } });
  },
  /** Active partner liaisons of a district, with their backup flag and partner organisation. */
  async findLiaisons(db: DbOrTx, districtId: string) {
    const rows = await db.userDistrict.findMany({
      where: { districtId, user: { role: "POLICE_LIAISON", status: "ACTIVE" } },
      select: { userId: true, isBackup: true, user: { select: { partnerOrganisation: { select: { id: true, kind: true } } } } },
      orderBy: { userId: "asc" },
    });
    return rows.map((r) => ({
      userId: r.userId,
      isBackup: r.isBackup,
      partnerOrganisationId: r.user.partnerOrganisation?.id ?? null,
      partnerKind: r.user.partnerOrganisation?.kind ?? null,
    }));
  },
  /** The partner organisations of a municipality with these ids (unknown ones left out). */
  findPartnerOrganisations(db: DbOrTx, municipalityId: string, ids: readonly string[]) {
    return db.partnerOrganisation.findMany({ where: { municipalityId, id: { in: [...ids] } } });
  },

  // ───────────── retention (signal.personal-data.ts) ─────────────

  /** Signals nobody changed since `cutoff` and not anonymised yet. */
  findQuietSignals(db: DbOrTx, cutoff: Date, municipalityId?: string) {
    return db.signal.findMany({
      where: { ...(municipalityId ? { municipalityId } : {}), anonymisedAt: null, updatedAt: { lt: cutoff } },
      select: { id: true, municipalityId: true },
    });
  },
  /** Texts, place and reporter removed from the signals, their timeline notes and alert comments. */
  async anonymiseSignals(db: DbOrTx, ids: readonly string[], now: Date) {
    await db.signal.updateMany({
      where: { id: { in: [...ids] } },
      data: {
        summary: "Geanonimiseerd signaal",
        details: null,
        place: null,
        reporterId: null,
        reporterIdentitySharable: false,
        policeSummary: null,
        policeDetails: null,
        policePlace: null,
        anonymisedAt: now,
      },
    });
    await db.signalTextOverride.deleteMany({ where: { signalId: { in: [...ids] } } });
    await db.signalUpdate.updateMany({ where: { signalId: { in: [...ids] } }, data: { note: null } });
    await db.alert.updateMany({ where: { signalId: { in: [...ids] } }, data: { acknowledgeComment: null } });
  },
  findSignalsReportedBefore(db: DbOrTx, cutoff: Date, municipalityId?: string) {
    return db.signal.findMany({
      where: { ...(municipalityId ? { municipalityId } : {}), createdAt: { lt: cutoff } },
      select: { id: true, municipalityId: true },
    });
  },
  /** With their timeline and alerts (cascade). */
  async deleteSignals(db: DbOrTx, ids: readonly string[]) {
    await db.signal.deleteMany({ where: { id: { in: [...ids] } } });
  },
};

export const alertRepository = {
  createAlerts(
    tx: DbOrTx,
    rows: Array<{ signalId: string; recipientId: string; reason: AlertReason; escalationLevel: number; escalateAt: Date | null }>,
  ) {
    return tx.alert.createManyAndReturn({ data: rows });
  },
  findAlert(db: DbOrTx, id: string) {
    return db.alert.findUnique({ where: { id } });
  },
  findAlertsBySignalIds(db: DbOrTx, signalIds: readonly string[]) {
    return db.alert.findMany({ where: { signalId: { in: [...signalIds] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  },
  findAlertsOfSignal(db: DbOrTx, signalId: string) {
    return db.alert.findMany({ where: { signalId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  },
  findAlertsOfRecipient(db: DbOrTx, recipientId: string, take: number) {
    return db.alert.findMany({ where: { recipientId }, orderBy: { id: "desc" }, take });
  },
  acknowledge(tx: DbOrTx, id: string, at: Date, comment: string | null) {
    return tx.alert.update({ where: { id }, data: { acknowledgedAt: at, acknowledgeComment: comment, escalateAt: null } });
  },
  /** Stops every pending escalation of a signal. */
  clearEscalations(tx: DbOrTx, signalId: string) {
    return tx.alert.updateMany({ where: { signalId, escalateAt: { not: null } }, data: { escalateAt: null } });
  },
  /** Pending (unacknowledged, escalating) alerts of a signal. */
  findPendingEscalations(tx: DbOrTx, signalId: string) {
    return tx.alert.findMany({ where: { signalId, escalateAt: { not: null }, acknowledgedAt: null } });
  },
  setEscalateAt(tx: DbOrTx, ids: string[], escalateAt: Date | null) {
    return tx.alert.updateMany({ where: { id: { in: ids } }, data: { escalateAt } });
  },
  /**
   * Signals with an alert due to escalate, locked for this transaction. SKIP LOCKED:
   * another instance sweeping at the same moment takes other signals, never these.
   */
  async claimDueSignals(tx: Tx, now: Date, limit: number): Promise<string[]> {
    const rows = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT s."id"::text AS id FROM "Signal" s
      WHERE s."id" IN (SELECT a."signalId" FROM "Alert" a WHERE a."escalateAt" <= ${now} AND a."acknowledgedAt" IS NULL)
      ORDER BY s."id"
      LIMIT ${limit}
      FOR UPDATE OF s SKIP LOCKED`;
    return rows.map((r) => r.id);
  },
  markDelivered(db: DbOrTx, ids: string[], at: Date) {
    return db.alert.updateMany({ where: { id: { in: ids }, deliveredAt: null }, data: { deliveredAt: at } });
  },
};
