import type { PersonalDataDecision } from "../../kernel/privacy.js";
import { notificationRepository as repo } from "./notification.repository.js";

export const notificationPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "Notification",
    personColumns: ["contactId", "recipient"],
    // As before this change: the export does not list the messages sent (see the report / ARCHITECTURE.md).
    export: { untouched: "copies of messages sent to the person (invitations, confirmations, reminders); not part of the export today" },
    // Messages to or about the person hold their address: gone, sent or not (none goes out after erasure).
    erase: (tx, { contactIds }) => repo.deleteForContacts(tx, contactIds),
    merge: { untouched: "messages keep the address they were sent to; the duplicate's go when it is erased or by RSVP retention" },
  },
];
