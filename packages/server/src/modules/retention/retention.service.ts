import type { RetentionScope, RetentionStep } from "../../kernel/privacy.js";
import type { Db } from "../../platform/db/prisma.js";

/** The counts every sweep reports (each step adds its own keys). */
export interface RetentionReport {
  authSessionsDeleted: number;
  contactsFlaggedInactive: number;
  contactsAnonymised: number;
  signalsAnonymised: number;
  signalsDeleted: number;
  outboxEventsDeleted: number;
}

/** One sweep at a time across all instances (a transaction-scoped advisory lock). */
const LOCK_KEY = 7_340_001;

/**
 * Keeps only what may be kept: runs every feature's retention steps (`FeatureModule.retention`,
 * in feature order, then the platform's outbox pruning) in one transaction. A PostgreSQL
 * advisory lock lets one instance work at a time; the steps audit with no actor (the system).
 */
export class RetentionService {
  constructor(private readonly deps: { db: Db; steps: readonly RetentionStep[] }) {}

  /** Runs every step once; null when another instance holds the lock. */
  async run(now: Date, scope: RetentionScope = {}): Promise<(RetentionReport & Record<string, number>) | null> {
    const later: Array<() => Promise<void>> = [];
    const report = await this.deps.db.$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<Array<{ locked: boolean }>>`SELECT pg_try_advisory_xact_lock(${LOCK_KEY}) AS locked`;
        if (!row?.locked) return null;
        const report: Record<string, number> = {};
        for (const step of this.deps.steps) Object.assign(report, await step.run(tx, now, scope, (work) => later.push(work)));
        return report as RetentionReport & Record<string, number>;
      },
      { timeout: 120_000 },
    );
    // Committed: what the steps' erasures do outside the database (mailbox files, sockets).
    for (const work of later) await work();
    return report;
  }
}
