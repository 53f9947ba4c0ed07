import type { Db, Tx } from "../../platform/db/prisma.js";
import type { AuditService } from "../audit/audit.service.js";
import type { ContactService } from "../contact/contact.service.js";

export interface RetentionPolicy {
  /** Expired or revoked login sessions are deleted this many days after they ended. */
  authSessionDays: number;
  /** An active contact with no interaction and no current membership for this long is flagged INACTIVE. */
  contactInactiveAfterDays: number;
  /** A contact that stays INACTIVE this long is anonymised (erased). */
  contactAnonymiseAfterInactiveDays: number;
  /** A signal nobody changed for this long is anonymised (texts, place, reporter removed). */
  signalAnonymiseDays: number;
  /** A signal is deleted (with its timeline and alerts) this long after it was reported. */
  signalDeleteDays: number;
  /** Outbox events older than this are deleted (live clients resume within minutes, not weeks). */
  outboxDays: number;
}

export interface RetentionReport {
  authSessionsDeleted: number;
  contactsFlaggedInactive: number;
  contactsAnonymised: number;
  signalsAnonymised: number;
  signalsDeleted: number;
  outboxEventsDeleted: number;
}

/** Extra steps other modules register (signals, RSVP data); each returns named counts. */
export type RetentionStep = (now: Date, scope: { municipalityId?: string }) => Promise<Record<string, number>>;

const DAY = 86_400_000;
/** One sweep at a time across all instances (a transaction-free session lock). */
const LOCK_KEY = 7_340_001;

/**
 * Keeps only what may be kept. Run by the sweep (app.ts) on every instance; a
 * PostgreSQL advisory lock lets one instance work at a time. Every erasure goes through
 * the same code as a coordinator's (ContactService.eraseSystem) and is audited with no
 * actor (the system).
 */
export class RetentionService {
  private readonly steps: RetentionStep[] = [];
  constructor(private readonly deps: { db: Db; audit: AuditService; contacts: ContactService; policy: RetentionPolicy }) {}

  /** Signals: anonymised after a quiet period, deleted later; both audited as the system. */
  private async signals(tx: Tx, now: Date, m: { municipalityId?: string }) {
    const { policy, audit } = this.deps;
    const anonymiseCutoff = new Date(now.getTime() - policy.signalAnonymiseDays * DAY);
    const toAnonymise = await tx.signal.findMany({ where: { ...m, anonymisedAt: null, updatedAt: { lt: anonymiseCutoff } }, select: { id: true, municipalityId: true } });
    if (toAnonymise.length > 0) {
      const ids = toAnonymise.map((s) => s.id);
      await tx.signal.updateMany({
        where: { id: { in: ids } },
        data: { summary: "Geanonimiseerd signaal", details: null, place: null, reporterId: null, reporterIdentitySharable: false, anonymisedAt: now },
      });
      await tx.signalUpdate.updateMany({ where: { signalId: { in: ids } }, data: { note: null } });
      await tx.alert.updateMany({ where: { signalId: { in: ids } }, data: { acknowledgeComment: null } });
      await audit.recordMany(tx, toAnonymise.map((s) => ({
        municipalityId: s.municipalityId, actorId: null, actorRole: null, action: "ANONYMISE" as const,
        entityType: "Signal", entityId: s.id, details: { reason: "retention" },
      })));
    }
    const deleteCutoff = new Date(now.getTime() - policy.signalDeleteDays * DAY);
    const toDelete = await tx.signal.findMany({ where: { ...m, createdAt: { lt: deleteCutoff } }, select: { id: true, municipalityId: true } });
    if (toDelete.length > 0) {
      await tx.signal.deleteMany({ where: { id: { in: toDelete.map((s) => s.id) } } });
      await audit.recordMany(tx, toDelete.map((s) => ({
        municipalityId: s.municipalityId, actorId: null, actorRole: null, action: "DELETE" as const,
        entityType: "Signal", entityId: s.id, details: { reason: "retention" },
      })));
    }
    return { signalsAnonymised: toAnonymise.length, signalsDeleted: toDelete.length };
  }

  register(step: RetentionStep): void {
    this.steps.push(step);
  }

  /** Runs every step once; null when another instance holds the lock. */
  async run(now: Date, scope: { municipalityId?: string } = {}): Promise<(RetentionReport & Record<string, number>) | null> {
    // `scope` narrows a run to one municipality (tests share a database); the sweep has none.
    const m = scope.municipalityId ? { municipalityId: scope.municipalityId } : {};
    const { db, policy } = this.deps;
    return db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<Array<{ locked: boolean }>>`SELECT pg_try_advisory_xact_lock(${LOCK_KEY}) AS locked`;
      if (!row?.locked) return null;

      const sessionCutoff = new Date(now.getTime() - policy.authSessionDays * DAY);
      const sessions = await tx.authSession.deleteMany({
        where: { OR: [{ expiresAt: { lt: sessionCutoff } }, { revokedAt: { lt: sessionCutoff } }], ...(scope.municipalityId ? { user: m } : {}) },
      });

      // Flag: active, nobody spoke to them, and no current membership, for the whole period.
      const flagCutoff = new Date(now.getTime() - policy.contactInactiveAfterDays * DAY);
      const toFlag = await tx.contact.findMany({
        where: {
          ...m, status: "ACTIVE", anonymisedAt: null, mergedIntoId: null, createdAt: { lt: flagCutoff },
          OR: [{ lastInteractionAt: null }, { lastInteractionAt: { lt: flagCutoff } }],
          memberships: { none: { until: null } },
        },
        select: { id: true, municipalityId: true },
      });
      if (toFlag.length > 0) {
        await tx.contact.updateMany({ where: { id: { in: toFlag.map((c) => c.id) } }, data: { status: "INACTIVE", inactiveSince: now } });
        await this.deps.audit.recordMany(tx, toFlag.map((c) => ({
          municipalityId: c.municipalityId, actorId: null, actorRole: null, action: "UPDATE" as const,
          entityType: "Contact", entityId: c.id, details: { fields: ["status"], reason: "retention: inactive" },
        })));
      }

      const eraseCutoff = new Date(now.getTime() - policy.contactAnonymiseAfterInactiveDays * DAY);
      const toErase = await tx.contact.findMany({
        where: { ...m, status: "INACTIVE", anonymisedAt: null, mergedIntoId: null, inactiveSince: { lt: eraseCutoff } },
        select: { id: true, municipalityId: true },
      });
      for (const c of toErase) await this.deps.contacts.eraseSystem(tx, c.id, c.municipalityId, now, "retention: inactive too long");

      const signals = await this.signals(tx, now, m);
      const outboxCutoff = new Date(now.getTime() - policy.outboxDays * DAY);
      const events = await tx.event.deleteMany({ where: { ...m, createdAt: { lt: outboxCutoff } } });

      const report: RetentionReport & Record<string, number> = {
        authSessionsDeleted: sessions.count, contactsFlaggedInactive: toFlag.length, contactsAnonymised: toErase.length,
        ...signals, outboxEventsDeleted: events.count,
      };
      return report;
    }, { timeout: 120_000 }).then(async (report) => {
      if (!report) return null;
      // Steps of other modules run after, each in its own transaction.
      for (const step of this.steps) Object.assign(report, await step(now, scope));
      return report;
    });
  }
}
