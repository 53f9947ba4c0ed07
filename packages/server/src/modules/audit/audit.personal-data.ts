import type { PersonalDataDecision } from "../../kernel/privacy.js";

export const auditPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "AuditEntry",
    personColumns: ["actorId"],
    export: { untouched: "who did what: references and field names of the staff who acted, never personal data values" },
    erase: { untouched: "append-only by a database trigger; holds ids, never the personal data itself" },
  },
];
