import type { SeverityName } from "../../platform/config.js";
import { guardSituationText } from "../../core/situation-text.js";
import type { Db, Tx } from "../../platform/db/prisma.js";
import type { Alert, Signal } from "../../generated/prisma/client.js";
import type { AlertReason } from "../../generated/prisma/enums.js";
import { eventCursor } from "../../core/cursor.js";
import type { Viewer } from "../../core/viewer.js";
import { badInput, conflict, notFound } from "../../core/errors.js";
import type { LiveFeed } from "../../platform/realtime/live-feed.js";
import type { Logger } from "../../platform/logger.js";
import { appendEvents, type OutboxEvent, type OutboxEventInput, type OutboxReader } from "../../platform/realtime/outbox.js";
import type { AuditService } from "../audit/audit.service.js";
import { requireViewer } from "../../core/authz.js";
import { alertRepository as alerts, audienceOf, signalRepository as signals } from "./signal.repository.js";
import type { AlertFeedItem, AlertWithSignal } from "./signal.types.js";
import { AlertAcknowledged, AlertRaised, parseAlertEvent, signalEvent, SignalUpdated } from "./signal.events.js";
import { isSharedWithPartners, sharedWithAudience } from "./signal.policy.js";

/** Where a signal is and who it is shared with: enough to tell which partner audiences see it. */
export type SharingScope = Pick<Signal, "districtId" | "visibility" | "sharedWithIds">;

/** The partner audiences a signal is shared with: "police" and/or organisation ids. */
function audiencesOf(scope: Pick<Signal, "visibility" | "sharedWithIds">): string[] {
  return [...(scope.visibility === "SHARED_WITH_POLICE" ? ["police"] : []), ...scope.sharedWithIds];
}

/** A liaison's audience in the terms of `audiencesOf` (signal.policy.ts `sharedWithAudience`). */
function audienceKey(l: { partnerKind: string | null; partnerOrganisationId: string | null }): string {
  return !l.partnerKind || l.partnerKind === "POLICE" || !l.partnerOrganisationId ? "police" : l.partnerOrganisationId;
}

export interface AlertServiceDeps {
  db: Db;
  audit: AuditService;
  outbox: OutboxReader;
  /** Milliseconds before an unacknowledged police alert escalates, per severity; null = never. */
  escalateAfter: Record<SeverityName, number | null>;
  log: Logger;
  now?: () => Date;
}

interface NewAlert {
  recipientId: string;
  reason: AlertReason;
  escalationLevel: number;
  escalateAt: Date | null;
}

const MAX_COMMENT = 1_000;
const SWEEP_BATCH = 20;

/**
 * Alerts: who must hear about a signal, escalation when nobody acknowledges, and the
 * record of who was notified of what, when and why.
 *
 * Escalation ladder for a signal shared with partners (police, enforcement, …; per audience):
 *   level 0  the district's liaisons of each audience (primary; the backups if it has no primary)
 *   level 1  after `escalateAfter[severity]`: the district's backup liaisons (of the audiences
 *            it is shared with) not alerted yet
 *   level 2  after the same time again: the coordinators
 * An acknowledgement by anyone stops it. The coordinator also gets a level-0 alert
 * for every signal reported (reason COORDINATOR), which never escalates.
 */
export class AlertService {
  private readonly now: () => Date;
  private sweeping: Promise<unknown> | null = null;
  private deliveredIds = new Set<string>();

  constructor(private readonly deps: AlertServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  escalationDelay(severity: SeverityName): number | null {
    return this.deps.escalateAfter[severity];
  }

  // ─── raising (called by SignalService inside its transaction) ───

  /** Every coordinator hears about every reported signal (except one reporting it). */
  async raiseForReport(tx: Tx, signal: Signal, actor: Viewer): Promise<OutboxEventInput[]> {
    const coordinators = await signals.findCoordinators(tx, signal.municipalityId);
    const recipients = coordinators.filter((c) => c.id !== actor.userId);
    return this.create(
      tx,
      signal,
      actor,
      recipients.map((c) => ({ recipientId: c.id, reason: "COORDINATOR", escalationLevel: 0, escalateAt: null })),
    );
  }

  /**
   * The signal is (now) shared with partner audiences in its district (police, enforcement,
   * …): alert the liaisons of every audience that sees it now and did not see it `before`
   * (in the same district). Per audience the primaries, or its backups if it has none; an
   * audience with nobody to alert sends the signal straight to the coordinators, who must know.
   */
  async raiseForPartners(tx: Tx, signal: Signal, actor: Viewer, before: SharingScope | null): Promise<OutboxEventInput[]> {
    const now = audiencesOf(signal);
    const had = before && before.districtId === signal.districtId ? new Set(audiencesOf(before)) : new Set<string>();
    const fresh = now.filter((a) => !had.has(a));
    if (fresh.length === 0) return [];
    const liaisons = await signals.findLiaisons(tx, signal.districtId);
    const delay = this.escalationDelay(signal.severity);
    const escalateAt = delay === null ? null : new Date(this.now().getTime() + delay);
    const rows: NewAlert[] = [];
    let nobody = false;
    for (const audience of fresh) {
      const members = liaisons.filter((l) => audienceKey(l) === audience);
      const primary = members.filter((l) => !l.isBackup);
      const first = (primary.length > 0 ? primary : members).filter((l) => l.userId !== actor.userId);
      if (first.length === 0) nobody = true;
      for (const l of first) rows.push({ recipientId: l.userId, reason: "DISTRICT_LIAISON", escalationLevel: 0, escalateAt });
    }
    const events = await this.create(tx, signal, actor, rows);
    if (nobody) events.push(...(await this.escalateToCoordinators(tx, signal, actor)));
    return events;
  }

  /** Severity changed: pending escalations follow the new timing. */
  async reschedule(tx: Tx, signal: Signal): Promise<void> {
    const pending = await alerts.findPendingEscalations(tx, signal.id);
    if (pending.length === 0) return;
    const delay = this.escalationDelay(signal.severity);
    await alerts.setEscalateAt(
      tx,
      pending.map((a) => a.id),
      delay === null ? null : new Date(this.now().getTime() + delay),
    );
  }

  async stopEscalation(tx: Tx, signalId: string): Promise<void> {
    await alerts.clearEscalations(tx, signalId);
  }

  private async escalateToCoordinators(tx: Tx, signal: Signal, actor: Viewer | null): Promise<OutboxEventInput[]> {
    const coordinators = await signals.findCoordinators(tx, signal.municipalityId);
    return this.create(
      tx,
      signal,
      actor,
      coordinators.map((c) => ({ recipientId: c.id, reason: "ESCALATION_COORDINATOR", escalationLevel: 2, escalateAt: null })),
    );
  }

  /** Writes alerts with their audit rows (NOTIFY) and returns their outbox events. */
  private async create(tx: Tx, signal: Signal, actor: Viewer | null, rows: NewAlert[]): Promise<OutboxEventInput[]> {
    if (rows.length === 0) return [];
    const created = await alerts.createAlerts(
      tx,
      rows.map((r) => ({ ...r, signalId: signal.id })),
    );
    for (const alert of created) {
      await this.deps.audit.record(tx, {
        municipalityId: signal.municipalityId,
        actorId: actor?.userId ?? null,
        actorRole: actor?.role ?? null,
        action: "NOTIFY",
        entityType: "Alert",
        entityId: alert.id,
        details: { signalId: signal.id, recipientId: alert.recipientId, reason: alert.reason, escalationLevel: alert.escalationLevel },
      });
    }
    return created.map((alert) => alertEvent(AlertRaised, signal, alert, null));
  }

  // ─── acknowledging ───

  async acknowledge(
    viewerInput: Viewer | null,
    alertId: string,
    commentInput: string | null | undefined,
    requestId: string,
    acknowledgeWarnings: boolean | null = false,
  ): Promise<Alert> {
    const viewer = requireViewer(viewerInput);
    const comment = commentInput?.trim() || null;
    if (comment && comment.length > MAX_COMMENT) throw badInput("comment", `At most ${MAX_COMMENT} characters.`);
    const { db, audit } = this.deps;
    const existing = await alerts.findAlert(db, alertId);
    // Someone else's alert does not exist for you.
    if (!existing || existing.recipientId !== viewer.userId) throw notFound("Alert");
    // The comment reaches the coordinator and the other liaisons: the same guard as a report.
    guardSituationText([["comment", comment]], acknowledgeWarnings);
    const result = await db.$transaction(async (tx) => {
      await signals.lockSignal(tx, existing.signalId);
      const current = await alerts.findAlert(tx, alertId);
      if (!current) throw notFound("Alert");
      if (current.acknowledgedAt) throw conflict("This alert is already acknowledged.");
      const at = this.now();
      const acked = await alerts.acknowledge(tx, alertId, at, comment);
      await alerts.clearEscalations(tx, current.signalId);
      await signals.createUpdates(tx, [
        {
          signalId: current.signalId,
          authorId: viewer.userId,
          kind: "ALERT_ACKNOWLEDGED",
          note: comment,
          visibleToPolice: true,
        },
      ]);
      const signal = await signals.updateSignal(tx, current.signalId, { updatedAt: at });
      await audit.record(tx, {
        municipalityId: signal.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "ACKNOWLEDGE",
        entityType: "Alert",
        entityId: alertId,
        requestId,
        details: { signalId: signal.id, withComment: comment !== null },
      });
      // Everyone alerted about this signal learns of the acknowledgement, on their own alert.
      const all = await alerts.findAlertsOfSignal(tx, signal.id);
      const latestPerRecipient = new Map<string, Alert>();
      for (const a of all) latestPerRecipient.set(a.recipientId, a.id === acked.id ? acked : a);
      latestPerRecipient.set(acked.recipientId, acked);
      const events = [...latestPerRecipient.values()].map((own) => alertEvent(AlertAcknowledged, signal, own, acked));
      events.push(signalEvent(SignalUpdated, signal, null));
      await appendEvents(tx, events);
      return acked;
    });
    this.deps.outbox.announce();
    return result;
  }

  // ─── escalation sweep ───

  /** Escalates every due alert once, whichever instance runs it. Returns how many signals escalated. */
  async escalateDue(): Promise<number> {
    if (this.sweeping) return 0;
    const run = this.sweepOnce();
    this.sweeping = run;
    try {
      return await run;
    } finally {
      this.sweeping = null;
    }
  }

  private async sweepOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.deps.db.$transaction(async (tx) => {
        const now = this.now();
        const ids = await alerts.claimDueSignals(tx, now, SWEEP_BATCH);
        const events: OutboxEventInput[] = [];
        for (const id of ids) events.push(...(await this.escalateSignal(tx, id, now)));
        await appendEvents(tx, events);
        return ids.length;
      });
      total += count;
      if (count > 0) this.deps.outbox.announce();
      if (count < SWEEP_BATCH) return total;
    }
  }

  private async escalateSignal(tx: Tx, signalId: string, now: Date): Promise<OutboxEventInput[]> {
    const signal = await signals.findSignal(tx, signalId);
    const all = await alerts.findAlertsOfSignal(tx, signalId);
    const due = all.filter((a) => a.escalateAt && a.escalateAt <= now && !a.acknowledgedAt);
    await alerts.clearEscalations(tx, signalId);
    if (!signal || due.length === 0) return [];
    const stillRelevant =
      isSharedWithPartners(signal) && signal.status !== "RESOLVED" && signal.status !== "DISMISSED" && !all.some((a) => a.acknowledgedAt);
    if (!stillRelevant) return [];
    const level = Math.max(...due.map((a) => a.escalationLevel));
    if (level === 0) {
      // Level 1 is the district's backup liaisons (named by the admin), never the primaries
      // again: they had their chance, and the ladder goes to the coordinators next.
      const alerted = new Set(all.map((a) => a.recipientId));
      // Backups of the audiences the signal is shared with now (police, enforcement, …).
      const others = (await signals.findLiaisons(tx, signal.districtId)).filter(
        (l) => l.isBackup && !alerted.has(l.userId) && sharedWithAudience(l, signal.visibility, signal.sharedWithIds),
      );
      if (others.length > 0) {
        const delay = this.escalationDelay(signal.severity);
        const escalateAt = delay === null ? null : new Date(now.getTime() + delay);
        return this.create(
          tx,
          signal,
          null,
          others.map((l) => ({ recipientId: l.userId, reason: "ESCALATION_BACKUP", escalationLevel: 1, escalateAt })),
        );
      }
    }
    return this.escalateToCoordinators(tx, signal, null);
  }

  // ─── reading ───

  /** "Why was I paged": the viewer's own alerts, newest first. */
  async history(viewerInput: Viewer | null, first: number): Promise<Alert[]> {
    const viewer = requireViewer(viewerInput);
    if (first < 1 || first > 200) throw badInput("first", "Between 1 and 200.");
    return alerts.findAlertsOfRecipient(this.deps.db, viewer.userId, first);
  }

  /**
   * The live feed of the viewer's own alerts. Like `signalFeed`: an alert replayed for a
   * signal that has since left a liaison's scope is withheld (its snapshot would show the
   * old content), and every delivery of signal content to anyone but the coordinator is
   * audited as a READ of the signal.
   */
  async feed(viewerInput: Viewer | null, after: string | null | undefined): Promise<LiveFeed> {
    const viewer = requireViewer(viewerInput);
    const position = after == null ? null : eventCursor.decode(after);
    const audited = viewer.role !== "COORDINATOR";
    let visibleNow: { seq: bigint; ids: ReadonlySet<string> } | null = null;
    if (position !== null && audited) {
      const seq = await this.deps.outbox.newestSeq();
      const ids = await signals.findVisibleSignalIds(this.deps.db, {
        municipalityId: viewer.municipalityId,
        districtIds: [...viewer.districtIds],
        sharedWith: viewer.role === "ADMIN" ? null : audienceOf(viewer),
      });
      visibleNow = { seq, ids: new Set(ids) };
    }
    const reads = audited
      ? this.deps.audit.readBatcher(this.deps.db, viewer, "Signal", "myAlerts", (err) =>
          this.deps.log.error({ err: err.message }, "auditing a live delivery failed"),
        )
      : null;
    return {
      municipalityId: viewer.municipalityId,
      topic: "alert",
      userId: viewer.userId,
      after: position,
      // Alerts are personal: one audience per user.
      audienceKey: `user:${viewer.userId}`,
      authorize: (event) => {
        if (event.userId !== viewer.userId || event.municipalityId !== viewer.municipalityId) return null;
        if (visibleNow && event.seq <= visibleNow.seq && !visibleNow.ids.has(parseAlertEvent(event).signal.id)) return null;
        return "own";
      },
      toRoot: (event) => alertFeedItem(event),
      onDelivered: (event) => {
        if (AlertRaised.is(event)) this.noteDelivered(event.entityId);
        reads?.(parseAlertEvent(event).signal.id);
      },
    };
  }

  /** Receipts are written in small batches, off the delivery path (see `flushDeliveries`). */
  private noteDelivered(alertId: string): void {
    this.deliveredIds.add(alertId);
  }

  /**
   * Writes the delivery receipts noted since the last call: run by the
   * "alert-delivery-receipts" job every 200 ms and once more at shutdown.
   */
  async flushDeliveries(now: Date = this.now()): Promise<number> {
    const ids = [...this.deliveredIds];
    this.deliveredIds = new Set();
    if (ids.length === 0) return 0;
    await alerts
      .markDelivered(this.deps.db, ids, now)
      .catch((err: Error) => this.deps.log.warn({ err: err.message }, "recording alert delivery failed"));
    return ids.length;
  }
}

/** One alert event, addressed to the alert's recipient. */
function alertEvent(
  def: typeof AlertRaised | typeof AlertAcknowledged,
  signal: Signal,
  own: Alert,
  acknowledged: Alert | null,
): OutboxEventInput {
  return def.create(
    { municipalityId: signal.municipalityId, districtId: signal.districtId, userId: own.recipientId, entityId: own.id },
    { alert: own, acknowledged, signal },
  );
}

function alertFeedItem(event: OutboxEvent): AlertFeedItem {
  const p = parseAlertEvent(event);
  const withSignal = (a: Alert): AlertWithSignal => ({ ...a, signalSnapshot: p.signal });
  return {
    cursor: eventCursor.encode(event.seq),
    kind: AlertAcknowledged.is(event) ? "ACKNOWLEDGED" : "RAISED",
    alert: withSignal(p.alert),
    acknowledged: p.acknowledged ? withSignal(p.acknowledged) : null,
    at: event.createdAt,
  };
}
