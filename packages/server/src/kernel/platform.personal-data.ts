import { pruneEvents } from "../platform/realtime/outbox.js";
import { daysBefore, type PersonalDataDecision, type RetentionStep } from "./privacy.js";

/** The platform's own table with a person link: the realtime outbox (no feature owns it). */
export const platformPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "Event",
    personColumns: ["userId"],
    export: { untouched: "live-update notices addressed to an account: ids and changed fields, read once by the live feed" },
    erase: { untouched: "holds ids only, never a name or address; pruned after RETENTION_OUTBOX_DAYS (outboxRetention)" },
  },
];

/** Outbox events older than `days` are deleted (live clients resume within minutes, not weeks). */
export function outboxRetention(days: number): RetentionStep {
  return {
    name: "outbox",
    run: async (tx, now, scope) => ({ outboxEventsDeleted: await pruneEvents(tx, daysBefore(now, days), scope.municipalityId) }),
  };
}
