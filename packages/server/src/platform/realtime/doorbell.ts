import { EventEmitter } from "node:events";
import { Redis } from "ioredis";
import type { Logger } from "../logger.js";

/**
 * The doorbell between instances. It carries tiny "something changed" messages only:
 * PostgreSQL (the outbox) is the source of truth, so a lost ring costs latency, never
 * data — instances also poll. There are few channels and they are global (the outbox
 * ring after a commit, session revocations): every instance follows the whole outbox, so
 * a ring per municipality or district would save nothing until readers are sharded
 * (see ARCHITECTURE.md, "Commit order").
 */
export interface Doorbell {
  readonly kind: "redis" | "in-process";
  ring(channel: string, message: string): Promise<void>;
  /** Returns an unsubscribe function. */
  listen(channel: string, handler: (message: string) => void): () => void;
  /** True when the doorbell can currently deliver rings between instances. */
  isHealthy(): Promise<boolean>;
  /**
   * Whether this instance is connected to the doorbell right now, without a round trip:
   * while it is not, rings (such as a session revocation) can be missed, and whoever relies
   * on them checks the database instead.
   */
  readonly connected: boolean;
  close(): Promise<void>;
}

/** One process, no Redis: rings go straight to this process's listeners. */
export class InProcessDoorbell implements Doorbell {
  readonly kind = "in-process" as const;
  readonly connected = true;
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }
  async ring(channel: string, message: string): Promise<void> {
    // Deliver asynchronously, like a real doorbell: never inside the caller's stack.
    queueMicrotask(() => this.emitter.emit(channel, message));
  }
  listen(channel: string, handler: (message: string) => void): () => void {
    this.emitter.on(channel, handler);
    return () => this.emitter.off(channel, handler);
  }
  async isHealthy(): Promise<boolean> {
    return true;
  }
  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/** Reconnect quickly: ioredis's default backoff grows to ~5 s, too slow for alerts. */
export function redisRetryDelay(attempt: number): number {
  return Math.min(50 * 2 ** Math.min(attempt, 10), 1_000);
}

/**
 * Redis pub/sub. A connection in subscriber mode cannot run other commands, so there
 * are two: one publishes (and answers readiness PINGs), one subscribes.
 */
export class RedisDoorbell implements Doorbell {
  readonly kind = "redis" as const;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, Set<(message: string) => void>>();

  constructor(
    url: string,
    private readonly log: Logger,
  ) {
    const common = {
      retryStrategy: redisRetryDelay,
      // Fail fast while disconnected instead of queueing: a late ring is worthless,
      // the poller covers the gap.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      lazyConnect: false,
    };
    this.pub = new Redis(url, { ...common, connectionName: "wijknet-pub" });
    // The subscriber queues its SUBSCRIBE commands until connected, and ioredis
    // re-subscribes after every reconnect on its own.
    this.sub = new Redis(url, { ...common, enableOfflineQueue: true, maxRetriesPerRequest: null, connectionName: "wijknet-sub" });
    for (const [name, conn] of [
      ["publisher", this.pub],
      ["subscriber", this.sub],
    ] as const) {
      conn.on("error", (err: Error) => this.log.warn({ err: err.message, conn: name }, "redis error"));
      conn.on("ready", () => this.log.info({ conn: name }, "redis ready"));
    }
    this.sub.on("message", (channel: string, message: string) => {
      for (const h of this.handlers.get(channel) ?? []) h(message);
    });
  }

  async ring(channel: string, message: string): Promise<void> {
    try {
      await this.pub.publish(channel, message);
    } catch (err) {
      this.log.debug({ err: (err as Error).message, channel }, "doorbell ring failed; pollers will catch up");
    }
  }

  listen(channel: string, handler: (message: string) => void): () => void {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      this.sub.subscribe(channel).catch((err: Error) => this.log.warn({ err: err.message, channel }, "redis subscribe failed"));
    }
    set.add(handler);
    return () => {
      const s = this.handlers.get(channel);
      if (!s) return;
      s.delete(handler);
      if (s.size === 0) {
        this.handlers.delete(channel);
        this.sub.unsubscribe(channel).catch(() => undefined);
      }
    };
  }

  get connected(): boolean {
    return this.pub.status === "ready" && this.sub.status === "ready";
  }

  async isHealthy(): Promise<boolean> {
    if (!this.connected) return false;
    try {
      return (await this.pub.ping()) === "PONG";
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.handlers.clear();
    // QUIT on a connection that is not up would wait in the offline queue for a
    // reconnect that may never come: only say goodbye to a live server.
    await Promise.allSettled([this.pub, this.sub].map((conn) => (conn.status === "ready" ? conn.quit() : Promise.resolve())));
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
