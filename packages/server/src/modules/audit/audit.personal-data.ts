import type { PersonalDataDecision } from "../../kernel/privacy.js";
import { auditRepository as repo } from "./audit.repository.js";

export const auditPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "AuditEntry",
    personColumns: ["actorId"],
    // What the account linked to the contact did (references and field names only).
    export: { section: "account.auditEntries", read: (db, contactId) => repo.findByContactsAccount(db, contactId) },
    erase: { untouched: "append-only by a database trigger; holds ids, never the personal data itself" },
  },
];
