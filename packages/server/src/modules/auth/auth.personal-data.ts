import { daysBefore, type PersonalDataDecision, type RetentionStep } from "../../kernel/privacy.js";
import { authRepository as repo } from "./auth.repository.js";

/** What an erased account is called wherever it is referenced (reporter, timeline author, audit actor). */
export const ERASED_USER_NAME = "Verwijderde persoon";

/**
 * Accounts are staff (or an ally's own login). A contact's erasure unlinks its account;
 * an account's erasure (`eraseUser`, admins) replaces its name and email, removes the
 * password, second factor and districts, and ends its sessions (sockets close on every instance).
 */
export const authPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "User",
    personColumns: ["email", "displayName", "contactId"],
    export: { section: "contact.user", read: (db, contactId) => repo.findUserOfContact(db, contactId) },
    erase: async (tx, { contactIds, userIds, now, afterCommit }) => {
      await repo.unlinkContacts(tx, contactIds);
      if (userIds.length === 0) return;
      const sessionIds = await repo.endSessionsOf(tx, userIds, now);
      await repo.anonymiseUsers(tx, userIds, now, ERASED_USER_NAME);
      afterCommit((effects) => effects.endSessions(sessionIds));
    },
    merge: (tx, { keepId, duplicateId }) => repo.moveContactLink(tx, duplicateId, keepId),
  },
  {
    model: "UserDistrict",
    personColumns: ["userId"],
    export: { untouched: "the districts an account works in: its work scope, not data about the person" },
    erase: (tx, { userIds }) => repo.deleteDistrictsOf(tx, userIds),
  },
  {
    model: "RecoveryCode",
    personColumns: ["userId"],
    export: { untouched: "hashes of one-time recovery codes; nothing a person can read" },
    // An erased account keeps its row (references read "erased person"), so nothing cascades.
    erase: (tx, { userIds }) => repo.deleteRecoveryCodesOf(tx, userIds),
  },
  {
    model: "AuthSession",
    personColumns: ["userId"],
    export: { untouched: "token hashes and times of the account's logins; nothing a person can read" },
    // Ended (revoked) by the User step; the rows hold token hashes only and go by retention (authSessions).
    erase: { coveredBy: "User" },
  },
];

/** Expired or revoked login sessions are deleted this many days after they ended. */
export function authRetention(authSessionDays: number): RetentionStep {
  return {
    name: "authSessions",
    run: async (tx, now, scope) => ({
      authSessionsDeleted: await repo.deleteEndedSessions(tx, daysBefore(now, authSessionDays), scope.municipalityId),
    }),
  };
}
