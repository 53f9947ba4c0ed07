import DataLoader from "dataloader";
import type { Db } from "../../platform/db/prisma.js";
import type { AlertChannel, AlertDeliveryStatus } from "../../generated/prisma/enums.js";
import { groupBy } from "../../core/loader-utils.js";
import { alertDeliveryRepository as repo } from "./alert-delivery.repository.js";

export interface AlertReceiptView {
  channel: AlertChannel;
  device: string | null;
  status: AlertDeliveryStatus;
  sentAt: Date | null;
  deliveredAt: Date | null;
  seenAt: Date | null;
  acknowledgedAt: Date | null;
  failedAt: Date | null;
  failureReason: string | null;
  attempts: number;
}

/** What the receipts of one alert are built from (the Alert row the signal module resolved). */
export interface AlertRef {
  id: string;
  deliveredAt: Date | null;
  acknowledgedAt: Date | null;
}

export function createAlertDeliveryLoaders(db: Db) {
  return {
    alertDeliveries: new DataLoader<string, Awaited<ReturnType<typeof repo.findDeliveriesOfAlerts>>>(async (ids) =>
      groupBy(ids, await repo.findDeliveriesOfAlerts(db, ids), (d) => d.alertId),
    ),
  };
}

/**
 * The receipts of one alert. The console's "delivered" is the alert's own `deliveredAt`
 * (written when a live connection received it); the console is always listed, so an
 * alert nobody's console received reads as such.
 */
export function receiptsOf(alert: AlertRef, rows: Awaited<ReturnType<typeof repo.findDeliveriesOfAlerts>>): AlertReceiptView[] {
  const console = rows.find((r) => r.channel === "CONSOLE");
  const out: AlertReceiptView[] = [
    {
      channel: "CONSOLE",
      device: null,
      status: alert.deliveredAt ? "DELIVERED" : "PENDING",
      sentAt: null,
      deliveredAt: alert.deliveredAt,
      seenAt: console?.seenAt ?? null,
      acknowledgedAt: alert.acknowledgedAt,
      failedAt: null,
      failureReason: null,
      attempts: 0,
    },
  ];
  for (const r of rows) {
    if (r.channel === "CONSOLE") continue;
    out.push({
      channel: r.channel,
      device: r.device?.service ?? null,
      status: r.status,
      sentAt: r.sentAt,
      deliveredAt: r.deliveredAt,
      seenAt: r.seenAt,
      acknowledgedAt: alert.acknowledgedAt,
      failedAt: r.failedAt,
      failureReason: r.status === "DELIVERED" ? null : r.lastError,
      attempts: r.attempts,
    });
  }
  return out;
}
