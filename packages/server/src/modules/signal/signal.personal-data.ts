import { daysBefore, type PersonalDataDecision, type RetentionStep } from "../../kernel/privacy.js";
import type { Tx } from "../../platform/db/prisma.js";
import type { AuditService } from "../audit/audit.service.js";
import { signalRepository as repo } from "./signal.repository.js";

/**
 * Signals describe situations, never persons; what links them to a person is the staff
 * account that reported, commented or was alerted. Retention removes it (below).
 */
export const signalPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "Signal",
    personColumns: ["reporterId"],
    // Signals reported from the account linked to the contact (an ally's reports).
    export: { section: "account.signalsReported", read: (db, contactId) => repo.findReportedByContactsAccount(db, contactId) },
    // The reporter is the account: its erasure (User) makes every reference read "Verwijderde
    // persoon", for the coordinator and police alike. The situation text stays (it describes no one).
    erase: { coveredBy: "User" },
  },
  {
    model: "SignalUpdate",
    personColumns: ["authorId"],
    export: { coveredBy: "Signal" },
    // The author is the (erased) account; acknowledgement notes go with the Alert step; triage
    // comments describe situations and stay.
    erase: { coveredBy: "Alert" },
  },
  {
    model: "SignalTextOverride",
    personColumns: ["acknowledgedById"],
    export: { coveredBy: "Signal" },
    erase: { coveredBy: "Signal" },
  },
  {
    model: "Alert",
    personColumns: ["recipientId", "acknowledgeComment"],
    export: { coveredBy: "Signal" },
    // The recipient is the (erased) account; what they wrote when acknowledging goes.
    erase: (tx, { userIds }) => repo.clearAcknowledgeCommentsOf(tx, userIds),
  },
];

export interface SignalRetentionPolicy {
  /** A signal nobody changed for this long is anonymised (texts, place, reporter removed). */
  anonymiseDays: number;
  /** A signal is deleted (with its timeline and alerts) this long after it was reported. */
  deleteDays: number;
}

type SignalRef = { id: string; municipalityId: string };

function auditSystem(audit: AuditService, tx: Tx, rows: readonly SignalRef[], action: "ANONYMISE" | "DELETE") {
  return audit.recordMany(
    tx,
    rows.map((s) => ({
      municipalityId: s.municipalityId,
      actorId: null,
      actorRole: null,
      action,
      entityType: "Signal",
      entityId: s.id,
      details: { reason: "retention" },
    })),
  );
}

/** Signals: anonymised after a quiet period, deleted later; both audited as the system. */
export function signalRetention(audit: AuditService, policy: SignalRetentionPolicy): RetentionStep {
  return {
    name: "signals",
    run: async (tx, now, { municipalityId }) => {
      const quiet = await repo.findQuietSignals(tx, daysBefore(now, policy.anonymiseDays), municipalityId);
      if (quiet.length > 0) {
        await repo.anonymiseSignals(
          tx,
          quiet.map((s) => s.id),
          now,
        );
        await auditSystem(audit, tx, quiet, "ANONYMISE");
      }
      const old = await repo.findSignalsReportedBefore(tx, daysBefore(now, policy.deleteDays), municipalityId);
      if (old.length > 0) {
        await repo.deleteSignals(
          tx,
          old.map((s) => s.id),
        );
        await auditSystem(audit, tx, old, "DELETE");
      }
      return { signalsAnonymised: quiet.length, signalsDeleted: old.length };
    },
  };
}
