import type { PersonalDataDecision } from "../../kernel/privacy.js";
import { notificationRepository as repo } from "./notification.repository.js";

export const notificationPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "Notification",
    personColumns: ["contactId", "recipient"],
    // The messages sent (or waiting) to the person: kind, subject, text, address, status, times.
    export: { section: "notifications", read: (db, contactId) => repo.findForExport(db, contactId) },
    // Messages to or about the person hold their address: gone, sent or not (none goes out after
    // erasure), and so are their copies in the local mailbox once the erasure committed.
    erase: async (tx, { contactIds, afterCommit }) => {
      const ids = await repo.deleteForContacts(tx, contactIds);
      afterCommit((effects) => effects.forgetMail(ids));
    },
    merge: { untouched: "messages keep the address they were sent to; the duplicate's go when it is erased or by RSVP retention" },
  },
];
