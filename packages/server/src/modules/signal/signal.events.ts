import type { Alert, Prisma, Signal } from "../../generated/prisma/client.js";
import type { OutboxEventInput } from "../../platform/realtime/outbox.js";

/**
 * Outbox payloads carry a snapshot of the signal (and alert) as committed, so a live
 * frame renders without a query per subscriber. Reporter identity is in the snapshot
 * (the outbox is as private as the table); it is stripped per viewer at rendering.
 */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

const date = (v: unknown): Date | null => (typeof v === "string" ? new Date(v) : null);

export function reviveSignal(raw: unknown): Signal {
  const s = raw as Record<string, unknown>;
  return {
    ...(s as unknown as Signal),
    occurredFrom: date(s["occurredFrom"]),
    occurredUntil: date(s["occurredUntil"]),
    anonymisedAt: date(s["anonymisedAt"]),
    createdAt: date(s["createdAt"])!,
    updatedAt: date(s["updatedAt"])!,
  };
}

export function reviveAlert(raw: unknown): Alert {
  const a = raw as Record<string, unknown>;
  return {
    ...(a as unknown as Alert),
    createdAt: date(a["createdAt"])!,
    deliveredAt: date(a["deliveredAt"]),
    acknowledgedAt: date(a["acknowledgedAt"]),
    escalateAt: date(a["escalateAt"]),
  };
}

export interface SignalEventPayload {
  signal: unknown;
  /** Scope before this change, when it changed: lets a viewer who lost sight of it get WITHDRAWN. */
  before: { districtId: string; visibility: Signal["visibility"] } | null;
}

export function signalEvent(
  type: "SIGNAL_REPORTED" | "SIGNAL_UPDATED",
  signal: Signal,
  before: SignalEventPayload["before"],
): OutboxEventInput {
  return {
    municipalityId: signal.municipalityId,
    topic: "signal",
    type,
    districtId: signal.districtId,
    entityId: signal.id,
    payload: toJson({ signal, before } satisfies SignalEventPayload),
  };
}
