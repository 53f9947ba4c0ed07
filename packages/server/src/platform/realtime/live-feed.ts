import type { Tx } from "../db/prisma.js";
import type { OutboxEvent } from "./outbox.js";

/** What a feature says about one live feed; the transport (graphql/live.ts) does the rest. */
export interface LiveFeed {
  municipalityId: string;
  /** An outbox topic the feature owns (declared in its module's `events`). */
  topic: string;
  /** Personal feeds: only events addressed to this user are replayed. */
  userId?: string;
  /** Resume position (decoded cursor), or null for live-only. */
  after: bigint | null;
  /**
   * Everyone with the same audience key sees the same rendering of an event
   * (e.g. role and district scope), so the event is executed once for all of them.
   */
  audienceKey: string;
  /** Authorisation of one event for this subscriber at delivery; null = withhold. */
  authorize(event: OutboxEvent): string | null;
  /** The subscription field's value for an event (its resolver returns it as is). */
  toRoot(event: OutboxEvent, variant: string): unknown;
  /**
   * Live-only feeds (`after` null): the field's value now, sent as the first frame.
   * Read with `tx` in one snapshot together with the outbox position, after the
   * subscriber is attached (events that arrive meanwhile wait), so no change falls
   * between the snapshot and the live frames and none is sent twice.
   */
  initial?(tx: Tx): Promise<unknown>;
  /** Drop a frame identical to the previous one sent on this subscription. */
  distinct?: boolean;
  /** Called after the frame went out on the socket. */
  onDelivered?(event: OutboxEvent, variant: string): void;
}
