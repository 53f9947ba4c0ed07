import type { PersonalDataDecision } from "../../kernel/privacy.js";
import { alertDeliveryRepository as repo } from "./alert-delivery.repository.js";

/** A staff account's devices and notification rules; receipts go with their alert. */
export const alertDeliveryPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "PushDevice",
    personColumns: ["userId", "endpoint"],
    export: { untouched: "push subscriptions of a staff account's browsers: capability URLs and keys, not data about a contact" },
    // The erased account must never be reached again: its subscriptions go (receipts keep no device).
    erase: async (tx, { userIds }) => repo.deleteForUsers(tx, userIds),
  },
  {
    model: "NotificationRule",
    personColumns: ["userId"],
    export: { untouched: "a staff account's channel preferences" },
    erase: { coveredBy: "PushDevice" },
  },
  {
    model: "AlertDelivery",
    personColumns: ["alertId", "deviceId"],
    export: { coveredBy: "Alert" },
    // Receipts hold times and codes of the (erased) account's alerts, no address or text.
    erase: { coveredBy: "Alert" },
  },
];
