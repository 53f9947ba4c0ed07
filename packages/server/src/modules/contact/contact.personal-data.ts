import { currentAgeBand } from "../../core/minors.js";
import { daysBefore, type PersonalDataDecision, type RetentionStep } from "../../kernel/privacy.js";
import type { AuditService } from "../audit/audit.service.js";
import { contactRepository as repo } from "./contact.repository.js";
import type { ContactService } from "./contact.service.js";

export const ERASED_NAME = "Geanonimiseerd";

/**
 * The contact and what hangs off it. Erasure keeps the anonymous row (age band,
 * districts, memberships, attendance) so aggregates stay right.
 */
export const contactPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "Contact",
    // searchName is fullName folded for search; the database rewrites it with every write of
    // fullName (a trigger), so erasing the name erases it too.
    personColumns: ["fullName", "searchName", "email", "phone", "notes", "mergedIntoId"],
    // The row, with the duplicates merged into it (its self-relation).
    export: {
      section: "contact",
      read: async (db, id) => ({ ...(await repo.findContactById(db, id)), mergedFrom: await repo.findMergedFrom(db, id) }),
    },
    erase: (tx, { contactIds, now }) => repo.anonymiseContacts(tx, contactIds, now, ERASED_NAME),
    merge: { untouched: "the rows themselves are merged by ContactService.merge (fills the kept one, archives the duplicate)" },
  },
  {
    model: "ContactRole",
    personColumns: ["contactId"],
    export: { section: "contact.roles", read: (db, id) => repo.findRolesForExport(db, id) },
    erase: (tx, { contactIds }) => repo.deleteRolesOf(tx, contactIds),
    merge: (tx, { keepId, duplicateId }) => repo.moveRoles(tx, duplicateId, keepId),
  },
  {
    model: "ContactDistrict",
    personColumns: ["contactId"],
    export: { section: "contact.districts", read: (db, id) => repo.findDistrictsForExport(db, id) },
    erase: { untouched: "kept on the anonymous row: districts are counted in aggregates" },
    merge: (tx, { keepId, duplicateId }) => repo.moveDistricts(tx, duplicateId, keepId),
  },
  {
    model: "Consent",
    personColumns: ["contactId", "guardianName", "recordedById"],
    export: { section: "contact.consents", read: (db, id) => repo.findConsentsForExport(db, id) },
    erase: (tx, { contactIds }) => repo.deleteConsentsOf(tx, contactIds),
    merge: (tx, { keepId, duplicateId }) => repo.moveConsents(tx, duplicateId, keepId),
  },
  {
    model: "Interaction",
    personColumns: ["contactId", "authorId", "note"],
    export: { section: "contact.interactions", read: (db, id) => repo.findInteractionsForExport(db, id) },
    erase: (tx, { contactIds }) => repo.clearInteractionNotesOf(tx, contactIds),
    merge: (tx, { keepId, duplicateId }) => repo.moveInteractions(tx, duplicateId, keepId),
  },
  {
    model: "ContactImport",
    personColumns: ["uploadedById", "filename", "content", "lastErrors"],
    export: {
      untouched:
        "an uploaded spreadsheet is a working copy of the coordinator's own file, kept at most IMPORT_RETENTION_HOURS; what was imported from it is exported as the contact",
    },
    erase: {
      untouched:
        "the uploaded bytes are not searchable per person; the retention sweep deletes every upload after IMPORT_RETENTION_HOURS (contactImportRetention)",
    },
  },
];

/** Deletes uploaded import files past their expiry (they hold the file's personal data). */
export function contactImportRetention(): RetentionStep {
  return {
    name: "contact-imports",
    run: async (tx, now, { municipalityId }) => ({ contactImportsDeleted: await repo.deleteExpiredImports(tx, now, municipalityId) }),
  };
}

export interface ContactRetentionPolicy {
  /** An active contact with no interaction and no current membership for this long is flagged INACTIVE. */
  inactiveAfterDays: number;
  /** A contact that stays INACTIVE this long is anonymised (erased). */
  anonymiseAfterInactiveDays: number;
}

/** Flags long-silent contacts INACTIVE, then erases those that stay inactive, through the coordinator's erasure. */
export function contactRetention(contacts: ContactService, audit: AuditService, policy: ContactRetentionPolicy): RetentionStep {
  return {
    name: "contacts",
    run: async (tx, now, { municipalityId }, afterCommit) => {
      const toFlag = await repo.findContactsToFlagInactive(tx, daysBefore(now, policy.inactiveAfterDays), municipalityId);
      if (toFlag.length > 0) {
        await repo.flagInactive(
          tx,
          toFlag.map((c) => c.id),
          now,
        );
        await audit.recordMany(
          tx,
          toFlag.map((c) => ({
            municipalityId: c.municipalityId,
            actorId: null,
            actorRole: null,
            action: "UPDATE" as const,
            entityType: "Contact",
            entityId: c.id,
            details: { fields: ["status"], reason: "retention: inactive" },
          })),
        );
      }
      const toErase = await repo.findContactsInactiveSince(tx, daysBefore(now, policy.anonymiseAfterInactiveDays), municipalityId);
      for (const c of toErase) afterCommit(await contacts.eraseSystem(tx, c.id, c.municipalityId, now, "retention: inactive too long"));
      return { contactsFlaggedInactive: toFlag.length, contactsAnonymised: toErase.length };
    },
  };
}

/**
 * Age bands move on with time (core/minors.ts): each sweep moves every youth band whose
 * youngest possible age has reached the next band, audited as the system.
 */
export function ageBandStep(audit: AuditService): RetentionStep {
  return {
    name: "ageBands",
    run: async (tx, now, { municipalityId }) => {
      const moved: Array<{ id: string; municipalityId: string; from: string; to: string }> = [];
      for (const c of await repo.findYouthBands(tx, municipalityId)) {
        const next = currentAgeBand(c.ageBand, c.ageBandSince, now);
        if (next.ageBand === c.ageBand) continue;
        await repo.setAgeBand(tx, c.id, next.ageBand, next.since);
        moved.push({ id: c.id, municipalityId: c.municipalityId, from: c.ageBand, to: next.ageBand });
      }
      await audit.recordMany(
        tx,
        moved.map((m) => ({
          municipalityId: m.municipalityId,
          actorId: null,
          actorRole: null,
          action: "UPDATE" as const,
          entityType: "Contact",
          entityId: m.id,
          details: { fields: ["ageBand"], from: m.from, to: m.to, reason: "age band moved on with time" },
        })),
      );
      return { ageBandsMoved: moved.length };
    },
  };
}
