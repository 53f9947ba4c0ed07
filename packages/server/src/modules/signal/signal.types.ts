import type { SituationTextWarning } from "../../core/situation-text.js";
import type { Alert, Signal } from "../../generated/prisma/client.js";

/** What the SignalFeedEvent type resolves from (built from an outbox event). */
export interface SignalFeedItem {
  cursor: string;
  kind: "REPORTED" | "UPDATED" | "WITHDRAWN";
  signalId: string;
  signal: Signal | null;
  at: Date;
}

/** What the AlertFeedEvent type resolves from (built from an outbox event). */
export interface AlertFeedItem {
  cursor: string;
  kind: "RAISED" | "ACKNOWLEDGED";
  alert: AlertWithSignal;
  acknowledged: AlertWithSignal | null;
  at: Date;
}

/**
 * An alert row, optionally with the signal as it was when the event was written, so a
 * live frame renders without a query per subscriber.
 */
export type AlertWithSignal = Alert & { signalSnapshot?: Signal };

export interface ReportSignalResult {
  signal: Signal;
  warnings: SituationTextWarning[];
}

export interface SignalPage {
  nodes: Signal[];
  endCursor: string | null;
}
