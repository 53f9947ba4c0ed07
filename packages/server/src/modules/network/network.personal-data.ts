import type { PersonalDataDecision } from "../../kernel/privacy.js";
import { networkRepository as repo } from "./network.repository.js";

export const networkPersonalData: readonly PersonalDataDecision[] = [
  { model: "Network", holdsNoPerson: "a network's name and description; its people are NetworkMembership rows" },
  {
    model: "NetworkMembership",
    personColumns: ["contactId"],
    export: { section: "contact.memberships", read: (db, contactId) => repo.findMembershipsForExport(db, contactId) },
    erase: { untouched: "kept, linked to the anonymous contact row, so membership counts stay right" },
    merge: (tx, { keepId, duplicateId, now }) => repo.moveMemberships(tx, duplicateId, keepId, now),
  },
];
