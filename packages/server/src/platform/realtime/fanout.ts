import { Semaphore } from "../../core/semaphore.js";
import type { Tx } from "../db/prisma.js";
import type { Logger } from "../logger.js";
import type { OutboxEvent, OutboxReader } from "./outbox.js";

/**
 * One live subscriber as the fan-out sees it. Rendering is shared: subscribers whose
 * `groupKey` and per-event `variant` are equal get the same rendered JSON, computed
 * once per event (execute once per document, variables and audience).
 */
export interface FeedSubscriber {
  municipalityId: string;
  topic: string;
  /** Replay filter: only events addressed to this user (personal feeds). */
  userId?: string;
  /** Same key ⇒ the same rendering of any event (document, variables, audience). */
  groupKey: string;
  /** Authorisation at delivery: null = not for this subscriber, else the variant to render. */
  authorize(event: OutboxEvent): string | null;
  /** Renders an event as the JSON of a GraphQL execution result. */
  render(event: OutboxEvent, variant: string): Promise<string>;
  /** Sends a rendered event (UTF-8 JSON, shared by the whole group: do not modify) to this subscriber. */
  deliver(event: OutboxEvent, json: Buffer, variant: string): void;
  /**
   * This subscriber cannot be served in order any more (replay or rendering failed).
   * It must be told to reconnect and resume from its last cursor: silently skipping an
   * event would lose it.
   */
  fail(reason: string): void;
}

interface Entry {
  sub: FeedSubscriber;
  /** Interned `groupKey`: a long key hashed once at attach, not per subscriber per event. */
  group: number;
  live: boolean;
  buffer: OutboxEvent[];
  /** Highest seq delivered (or skipped as already seen): nothing at or below it is sent again. */
  lastSeq: bigint;
  stopped: boolean;
}

const REPLAY_PAGE = 500;

/**
 * Delivers outbox events to this instance's subscribers.
 *
 * A resuming subscriber is registered *before* its replay starts: events the reader
 * hands over meanwhile are buffered, the replay reads everything after the client's
 * cursor from PostgreSQL, then the buffer is drained; `lastSeq` drops what both
 * paths saw. Because seq order is commit order (see `appendEvents`), "everything
 * after the cursor that is visible now" plus "everything the reader hands over from
 * now on" leaves no gap.
 */
export class Fanout {
  private readonly entries = new Map<string, Set<Entry>>();
  private readonly groupIds = new Map<string, { id: number; refs: number }>();
  private nextGroupId = 1;
  private readonly stopReading: () => void;

  /** Replays and initial snapshots waiting for (or holding) their share of the pool. */
  private readonly catchUps: Semaphore;

  constructor(
    private readonly reader: OutboxReader,
    private readonly log: Logger,
    /**
     * How many subscribers may catch up (snapshot, replay, render) at once. A reconnect
     * storm queues here, in arrival order, instead of exhausting the pool: the rest of
     * the instance keeps its connections, and no replay fails on a pool timeout.
     */
    catchUpConcurrency = 4,
  ) {
    this.catchUps = new Semaphore(catchUpConcurrency);
    this.stopReading = reader.listen((events) => this.dispatch(events));
  }

  /** Subscribers catching up now and waiting to (the metrics). */
  catchUpLoad(): { active: number; waiting: number } {
    return this.catchUps.load;
  }

  /** See `OutboxReader.snapshotAt`: a feed's initial value and the seq it shows. */
  snapshotAt<T>(read: (tx: Tx) => Promise<T>): Promise<{ seq: bigint; value: T }> {
    return this.reader.snapshotAt(read);
  }

  subscriberCount(): number {
    let n = 0;
    for (const set of this.entries.values()) n += set.size;
    return n;
  }

  /**
   * Starts delivering to `sub`, after replaying what followed `after` (null: live only).
   * `prelude` (live-only feeds) runs first, while live events are buffered: it sends the
   * subscriber a snapshot and returns the seq it was read at (`OutboxReader.snapshotAt`);
   * events up to that seq are in the snapshot and skipped.
   */
  attach(sub: FeedSubscriber, after: bigint | null, prelude?: () => Promise<bigint>): () => void {
    const key = `${sub.municipalityId}|${sub.topic}`;
    let set = this.entries.get(key);
    if (!set) this.entries.set(key, (set = new Set()));
    let group = this.groupIds.get(sub.groupKey);
    if (!group) this.groupIds.set(sub.groupKey, (group = { id: this.nextGroupId++, refs: 0 }));
    group.refs++;
    const entry: Entry = {
      sub,
      group: group.id,
      live: after === null && !prelude,
      buffer: [],
      lastSeq: after ?? this.reader.currentPosition(),
      stopped: false,
    };
    set.add(entry);
    if (!entry.live) {
      this.catchUps
        .run(() => (entry.stopped ? Promise.resolve() : this.catchUp(entry, after !== null, prelude)))
        .catch((err: Error) => {
          this.log.warn({ err: err.message }, "replay failed; the subscriber is told to resume");
          entry.stopped = true;
          sub.fail("Replay failed; resume from your last cursor");
        });
    }
    return () => {
      if (entry.stopped) return;
      if (--group.refs === 0) this.groupIds.delete(sub.groupKey);
      entry.stopped = true;
      entry.buffer.length = 0;
      const s = this.entries.get(key);
      s?.delete(entry);
      if (s && s.size === 0) this.entries.delete(key);
    };
  }

  private async catchUp(entry: Entry, replay: boolean, prelude: (() => Promise<bigint>) | undefined): Promise<void> {
    const { sub } = entry;
    if (prelude) {
      const snapshotSeq = await prelude();
      if (entry.stopped) return;
      if (!replay && snapshotSeq > entry.lastSeq) entry.lastSeq = snapshotSeq;
    }
    for (;;) {
      if (!replay) break;
      const page = await this.reader.readAfter(
        { municipalityId: sub.municipalityId, topic: sub.topic, userId: sub.userId },
        entry.lastSeq,
        null,
        REPLAY_PAGE,
      );
      for (const event of page) await this.deliverOne(entry, event);
      if (entry.stopped) return;
      if (page.length < REPLAY_PAGE) break;
    }
    // Drain what arrived live meanwhile. The emptiness check and the switch to live
    // happen in one synchronous step, so no event falls between buffer and live.
    while (entry.buffer.length > 0) {
      const event = entry.buffer.shift()!;
      await this.deliverOne(entry, event);
      if (entry.stopped) return;
    }
    entry.live = true;
  }

  private async deliverOne(entry: Entry, event: OutboxEvent): Promise<void> {
    if (entry.stopped || event.seq <= entry.lastSeq) return;
    const variant = entry.sub.authorize(event);
    entry.lastSeq = event.seq;
    if (variant === null) return;
    const json = Buffer.from(await entry.sub.render(event, variant));
    if (!entry.stopped) entry.sub.deliver(event, json, variant);
  }

  private async dispatch(events: readonly OutboxEvent[]): Promise<void> {
    for (const event of events) {
      const set = this.entries.get(`${event.municipalityId}|${event.topic}`);
      if (!set) continue;
      const groups = new Map<string, { variant: string; members: Entry[] }>();
      for (const entry of set) {
        if (entry.stopped) continue;
        if (!entry.live) {
          entry.buffer.push(event);
          continue;
        }
        if (event.seq <= entry.lastSeq) continue;
        let variant: string | null;
        try {
          variant = entry.sub.authorize(event);
        } catch (err) {
          this.log.error({ err }, "authorisation at delivery failed; event withheld");
          variant = null;
        }
        if (variant === null) {
          entry.lastSeq = event.seq;
          continue;
        }
        const groupKey = `${entry.group}:${variant}`;
        const group = groups.get(groupKey);
        if (group) group.members.push(entry);
        else groups.set(groupKey, { variant, members: [entry] });
      }
      if (groups.size === 0) continue;
      await Promise.all(
        [...groups.values()].map(async ({ variant, members }) => {
          let json: Buffer;
          try {
            // Encoded once per group; every socket gets the same bytes.
            json = Buffer.from(await members[0]!.sub.render(event, variant));
          } catch (err) {
            this.log.error({ err, seq: String(event.seq) }, "rendering an event failed; its subscribers are told to resume");
            for (const entry of members) {
              entry.stopped = true;
              entry.sub.fail("Delivery failed; resume from your last cursor");
            }
            return;
          }
          for (const entry of members) {
            if (entry.stopped || event.seq <= entry.lastSeq) continue;
            entry.lastSeq = event.seq;
            entry.sub.deliver(event, json, variant);
          }
        }),
      );
    }
  }

  stop(): void {
    this.stopReading();
    for (const set of this.entries.values()) for (const e of set) e.stopped = true;
    this.entries.clear();
  }
}
