import type { Db, Tx } from "../db/prisma.js";
import type { Prisma } from "../../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import type { Doorbell } from "./doorbell.js";

/** The doorbell channel rung after a transaction that wrote outbox events commits. */
export const OUTBOX_CHANNEL = "wijknet:outbox";

/**
 * Key of the transaction-scoped advisory lock every outbox writer takes right before
 * it inserts its Event rows. See `appendEvents`.
 */
export const OUTBOX_LOCK_KEY = 0x77_69_6a_6b; // "wijk"

/** Built by an event definition's `create` (see `defineEvent` in event.ts), never by hand. */
export interface OutboxEventInput {
  municipalityId: string;
  /** Owned by one feature module (its `events`); platform knows no topic by name. */
  topic: string;
  type: string;
  districtId?: string | null;
  userId?: string | null;
  entityId: string;
  payload: Prisma.InputJsonValue;
}

export interface OutboxEvent {
  seq: bigint;
  municipalityId: string;
  topic: string;
  type: string;
  districtId: string | null;
  userId: string | null;
  entityId: string;
  payload: unknown;
  createdAt: Date;
}

/**
 * Writes events in the caller's transaction, so they commit (or roll back) with the
 * change they announce. Call it as the *last* statement of the transaction.
 *
 * Why the lock: `seq` comes from a sequence, and sequence values are handed out at
 * insert time but become visible at commit time. Without care, writer A takes seq 41,
 * writer B takes 42 and commits first; a reader that sees 42 and moves its position
 * past it would never deliver 41. The advisory lock is held from just before the
 * insert until commit (PostgreSQL releases xact locks after the commit is visible),
 * so the next writer's seq is allocated only after the previous writer's rows are
 * visible: seq order == commit order, and "everything up to the highest seq I read"
 * is a safe position. Rolled-back transactions leave gaps, which are harmless.
 * The lock is global, not per municipality, because every instance reads one
 * position over all municipalities; it is held only for the insert and the commit.
 */
export async function appendEvents(tx: Tx, events: readonly OutboxEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${OUTBOX_LOCK_KEY})`);
  await tx.event.createMany({
    data: events.map((e) => ({
      municipalityId: e.municipalityId,
      topic: e.topic,
      type: e.type,
      districtId: e.districtId ?? null,
      userId: e.userId ?? null,
      entityId: e.entityId,
      payload: e.payload,
    })),
  });
}

/** Retention: deletes events created before `before` (of one municipality when given). */
export async function pruneEvents(tx: Tx, before: Date, municipalityId?: string): Promise<number> {
  const result = await tx.event.deleteMany({ where: { ...(municipalityId ? { municipalityId } : {}), createdAt: { lt: before } } });
  return result.count;
}

export type OutboxListener = (events: readonly OutboxEvent[]) => void | Promise<void>;

export interface OutboxReaderOptions {
  db: Db;
  doorbell: Doorbell;
  log: Logger;
  pollIntervalMs: number;
  pageSize?: number;
}

/**
 * One per instance: follows the outbox from where it stood at start and hands every
 * new event, in seq order, to the listeners (the subscription fan-out). It reads on a
 * doorbell ring (after any instance's commit) and on a timer, so a lost ring or a
 * Redis outage costs latency (≤ the poll interval), never an event.
 */
export class OutboxReader {
  private position = 0n;
  private readonly listeners = new Set<OutboxListener>();
  private reading: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopListening: (() => void) | null = null;
  private stopped = false;
  private readonly pageSize: number;

  constructor(private readonly opts: OutboxReaderOptions) {
    this.pageSize = opts.pageSize ?? 500;
  }

  async start(): Promise<void> {
    this.position = await this.newestSeq();
    this.stopListening = this.opts.doorbell.listen(OUTBOX_CHANNEL, () => this.poke());
    this.timer = setInterval(() => this.poke(), this.opts.pollIntervalMs);
    this.timer.unref();
  }

  /** The highest seq handed to listeners: everything at or below it is committed and visible. */
  currentPosition(): bigint {
    return this.position;
  }

  /** The newest seq visible in PostgreSQL now (every event up to it is committed). */
  async newestSeq(): Promise<bigint> {
    const last = await this.opts.db.event.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
    return last?.seq ?? 0n;
  }

  /**
   * Reads `read` and the newest seq from one REPEATABLE READ snapshot. Seq order is
   * commit order and every change is committed with its events, so the value shows
   * exactly the changes of the events up to `seq`: a live-only feed skips those and
   * sends every later one, never an older state after a newer one.
   */
  async snapshotAt<T>(read: (tx: Tx) => Promise<T>): Promise<{ seq: bigint; value: T }> {
    return this.opts.db.$transaction(
      async (tx) => {
        const last = await tx.event.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
        return { seq: last?.seq ?? 0n, value: await read(tx) };
      },
      { isolationLevel: "RepeatableRead" },
    );
  }

  listen(listener: OutboxListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** After a commit that wrote events: read here at once, and ring every other instance. */
  announce(): void {
    this.poke();
    void this.opts.doorbell.ring(OUTBOX_CHANNEL, "");
  }

  /** Schedule a read; reads never overlap, and a poke during a read causes one more. */
  poke(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.readAll()
      .catch((err: Error) => this.opts.log.warn({ err: err.message }, "outbox read failed; retrying on the next poll"))
      .finally(() => {
        this.reading = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  private async readAll(): Promise<void> {
    for (;;) {
      const page = await this.opts.db.event.findMany({
        where: { seq: { gt: this.position } },
        orderBy: { seq: "asc" },
        take: this.pageSize,
      });
      if (page.length === 0 || this.stopped) return;
      for (const listener of this.listeners) {
        try {
          await listener(page);
        } catch (err) {
          this.opts.log.error({ err }, "outbox listener failed");
        }
      }
      this.position = page[page.length - 1]!.seq;
      if (page.length < this.pageSize) return;
    }
  }

  /** Events of one municipality and topic after a position (replay for a resuming subscriber). */
  async readAfter(
    filter: { municipalityId: string; topic: string; userId?: string },
    after: bigint,
    upTo: bigint | null,
    take: number,
  ): Promise<OutboxEvent[]> {
    return this.opts.db.event.findMany({
      where: {
        municipalityId: filter.municipalityId,
        topic: filter.topic,
        ...(filter.userId ? { userId: filter.userId } : {}),
        seq: upTo === null ? { gt: after } : { gt: after, lte: upTo },
      },
      orderBy: { seq: "asc" },
      take,
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.stopListening?.();
    await this.reading;
  }
}
