import type { PersonalDataDecision } from "../../kernel/privacy.js";
import { complaintRepository as repo } from "./complaint.repository.js";

/**
 * A complaint is the reporter's own story about how they (or someone) were treated: it is
 * theirs to get (export) and to have erased; the handler's notes go with it.
 */
export const complaintPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "Complaint",
    personColumns: ["reporterId", "description"],
    export: { section: "account.complaintsFiled", read: (db, contactId) => repo.findFiledByContactsAccount(db, contactId) },
    // The reporter's account is erased by its own step (User); their story goes here. Complaints
    // are linked to accounts only, never to contact records, so `contactIds` has nothing here.
    erase: (tx, { userIds }) => repo.eraseFiledBy(tx, userIds),
  },
  {
    model: "ComplaintUpdate",
    personColumns: ["authorId", "note"],
    export: { coveredBy: "Complaint" },
    // Authors are staff accounts (erased by the User step); notes are the handling record.
    erase: { coveredBy: "Complaint" },
  },
];
