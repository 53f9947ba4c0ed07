import { z } from "zod";
import { defineEvent } from "../../platform/realtime/event.js";

/**
 * The session module's outbox events (topic `session`). Written as the last statement
 * of every transaction that changes a session's seat counts; the payload is the counts
 * as committed, so a live frame renders without a query.
 */
const count = z.number().int().nonnegative();

export const SessionCountsChanged = defineEvent({
  topic: "session",
  type: "SESSION_COUNTS_CHANGED",
  payload: z.object({
    sessionId: z.string(),
    capacity: count,
    youthReservedSeats: count,
    confirmed: count,
    waitlisted: count,
    seatsLeft: count,
  }),
});

export const sessionModuleEvents = [SessionCountsChanged] as const;
