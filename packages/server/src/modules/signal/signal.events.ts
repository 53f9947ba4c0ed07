import { z } from "zod";
import type { Alert, Signal } from "../../generated/prisma/client.js";
import { AlertReason, PartnerKind, Severity, SignalKind, SignalStatus, SignalVisibility } from "../../generated/prisma/enums.js";
import { defineEvent, isoDate } from "../../platform/realtime/event.js";
import type { OutboxEvent } from "../../platform/realtime/outbox.js";

/**
 * The signal module's outbox events (topics `signal` and `alert`). Payloads carry a
 * snapshot of the signal (and alert) as committed, so a live frame renders without a
 * query per subscriber. Reporter identity is in the snapshot (the outbox is as private
 * as the table); it is stripped per viewer at rendering.
 */

const uuid = z.string();

/** A Signal row as committed. Typed against the Prisma model: a new column fails here first. */
const signalSnapshot: z.ZodType<Signal> = z.object({
  id: uuid,
  municipalityId: uuid,
  districtId: uuid,
  neighbourhoodId: uuid.nullable(),
  kind: z.enum(SignalKind),
  severity: z.enum(Severity),
  summary: z.string(),
  details: z.string().nullable(),
  place: z.string().nullable(),
  occurredFrom: isoDate().nullable(),
  occurredUntil: isoDate().nullable(),
  visibility: z.enum(SignalVisibility),
  status: z.enum(SignalStatus),
  reporterId: uuid.nullable(),
  reporterIdentitySharable: z.boolean(),
  // Defaults: events written before the columns existed still parse.
  textFlaggedFields: z.array(z.string()).default([]),
  policeSummary: z.string().nullable().default(null),
  policeDetails: z.string().nullable().default(null),
  policePlace: z.string().nullable().default(null),
  idempotencyKey: z.string().nullable().default(null),
  reporterIdentityKinds: z.array(z.enum(PartnerKind)).default([]),
  sharedWithIds: z.array(uuid).default([]),
  anonymisedAt: isoDate().nullable(),
  createdAt: isoDate(),
  updatedAt: isoDate(),
});

const alertSnapshot: z.ZodType<Alert> = z.object({
  id: uuid,
  signalId: uuid,
  recipientId: uuid,
  reason: z.enum(AlertReason),
  escalationLevel: z.number().int(),
  createdAt: isoDate(),
  deliveredAt: isoDate().nullable(),
  acknowledgedAt: isoDate().nullable(),
  acknowledgeComment: z.string().nullable(),
  escalateAt: isoDate().nullable(),
});

const signalPayload = z.object({
  signal: signalSnapshot,
  /** Scope before this change, when it changed: lets a viewer who lost sight of it get WITHDRAWN. */
  before: z.object({ districtId: uuid, visibility: z.enum(SignalVisibility), sharedWithIds: z.array(uuid).default([]) }).nullable(),
});
export type SignalEventPayload = z.output<typeof signalPayload>;

export const SignalReported = defineEvent({ topic: "signal", type: "SIGNAL_REPORTED", payload: signalPayload });
export const SignalUpdated = defineEvent({ topic: "signal", type: "SIGNAL_UPDATED", payload: signalPayload });

const alertPayload = z.object({
  /** The recipient's own alert. */
  alert: alertSnapshot,
  /** ALERT_ACKNOWLEDGED: the alert that was acknowledged (maybe someone else's). */
  acknowledged: alertSnapshot.nullable(),
  signal: signalSnapshot,
});
export type AlertEventPayload = z.output<typeof alertPayload>;

export const AlertRaised = defineEvent({ topic: "alert", type: "ALERT_RAISED", payload: alertPayload });
export const AlertAcknowledged = defineEvent({ topic: "alert", type: "ALERT_ACKNOWLEDGED", payload: alertPayload });

/** Everything the module writes to the outbox (declared in its FeatureModule). */
export const signalModuleEvents = [SignalReported, SignalUpdated, AlertRaised, AlertAcknowledged] as const;

export function signalEvent(def: typeof SignalReported | typeof SignalUpdated, signal: Signal, before: SignalEventPayload["before"]) {
  return def.create({ municipalityId: signal.municipalityId, districtId: signal.districtId, entityId: signal.id }, { signal, before });
}

/** The payload of any `signal` topic event. */
export function parseSignalEvent(event: OutboxEvent): SignalEventPayload {
  return (SignalReported.is(event) ? SignalReported : SignalUpdated).parse(event);
}

/** The payload of any `alert` topic event. */
export function parseAlertEvent(event: OutboxEvent): AlertEventPayload {
  return (AlertAcknowledged.is(event) ? AlertAcknowledged : AlertRaised).parse(event);
}
