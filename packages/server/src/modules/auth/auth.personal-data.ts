import { daysBefore, type PersonalDataDecision, type RetentionStep } from "../../kernel/privacy.js";
import { authRepository as repo } from "./auth.repository.js";

/** Accounts are staff (or an ally's own login); a contact's erasure unlinks, never deletes, them. */
export const authPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "User",
    personColumns: ["email", "displayName", "contactId"],
    export: { section: "contact.user", read: (db, contactId) => repo.findUserOfContact(db, contactId) },
    erase: (tx, { contactIds }) => repo.unlinkContacts(tx, contactIds),
    merge: (tx, { keepId, duplicateId }) => repo.moveContactLink(tx, duplicateId, keepId),
  },
  {
    model: "UserDistrict",
    personColumns: ["userId"],
    export: { untouched: "the districts an account works in: its work scope, not data about the person" },
    erase: { untouched: "the account stays when its contact is erased; rows go with the account (cascade)" },
  },
  {
    model: "RecoveryCode",
    personColumns: ["userId"],
    export: { untouched: "hashes of one-time recovery codes; nothing a person can read" },
    erase: { untouched: "the account stays when its contact is erased; rows go with the account (cascade)" },
  },
  {
    model: "AuthSession",
    personColumns: ["userId"],
    export: { untouched: "token hashes and times of the account's logins; nothing a person can read" },
    erase: { untouched: "the account stays when its contact is erased; ended sessions go by retention (authSessions)" },
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
