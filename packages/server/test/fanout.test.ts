import { describe, expect, it } from "vitest";
import { createLogger } from "../src/platform/logger.js";
import { Fanout, type FeedSubscriber } from "../src/platform/realtime/fanout.js";
import { eventCursor } from "../src/core/cursor.js";
import { waitUntil } from "./support/wait.js";
import type { OutboxEvent, OutboxListener, OutboxReader } from "../src/platform/realtime/outbox.js";

const { encode: encodeCursor, decode: decodeCursor } = eventCursor;

const log = createLogger({ LOG_LEVEL: "silent", INSTANCE_ID: "test" });
const ev = (seq: number, districtId = "d1"): OutboxEvent => ({
  seq: BigInt(seq),
  municipalityId: "m1",
  topic: "signal",
  type: "SIGNAL_UPDATED",
  districtId,
  userId: null,
  entityId: `e${seq}`,
  payload: {},
  createdAt: new Date(),
});

/** A reader whose stored events and replay timing the test controls. */
function fakeReader(stored: OutboxEvent[]) {
  let listener: OutboxListener | null = null;
  let releaseReplay: (() => void) | null = null;
  const replayGate = new Promise<void>((r) => (releaseReplay = r));
  const reader = {
    position: 0n,
    listen(l: OutboxListener) {
      listener = l;
      return () => (listener = null);
    },
    currentPosition() {
      return reader.position;
    },
    async newestSeq() {
      // biome-ignore lint/complexity/useMathMinMax: bigint, which Math.max does not take
      return stored.reduce((max, e) => (e.seq > max ? e.seq : max), 0n);
    },
    async readAfter(_f: unknown, after: bigint, _upTo: unknown, take: number) {
      await replayGate;
      return stored.filter((e) => e.seq > after).slice(0, take);
    },
  };
  return {
    reader: reader as unknown as OutboxReader,
    setPosition: (p: bigint) => (reader.position = p),
    async push(events: OutboxEvent[]) {
      stored.push(...events);
      await listener?.(events);
      reader.position = events[events.length - 1]!.seq;
    },
    releaseReplay: () => releaseReplay!(),
  };
}

function subscriber(groupKey: string, allow: (e: OutboxEvent) => boolean = () => true) {
  const got: bigint[] = [];
  let renders = 0;
  const sub: FeedSubscriber = {
    municipalityId: "m1",
    topic: "signal",
    groupKey,
    authorize: (e) => (allow(e) ? "show" : null),
    render: async (e) => {
      renders++;
      return JSON.stringify({ seq: String(e.seq) });
    },
    deliver: (e) => got.push(e.seq),
    fail: () => {
      throw new Error("unexpected fail");
    },
  };
  return { sub, got, renders: () => renders };
}

describe("Fanout", () => {
  it("hands over from replay to live without gaps or duplicates, even when events arrive during the replay", async () => {
    const stored = Array.from({ length: 10 }, (_, i) => ev(i + 1));
    const f = fakeReader(stored);
    f.setPosition(10n);
    const fanout = new Fanout(f.reader, log);
    const s = subscriber("g");
    fanout.attach(s.sub, 3n);
    // Live events arrive while the replay query is still running; 11 and 12 are also
    // visible to the replay query (committed), so both paths see them.
    await f.push([ev(11), ev(12)]);
    f.releaseReplay();
    await new Promise((r) => setTimeout(r, 10));
    await f.push([ev(13)]);
    expect(s.got).toEqual([4n, 5n, 6n, 7n, 8n, 9n, 10n, 11n, 12n, 13n]);
  });

  it("renders once per group and event, and withholds events the subscriber may not see", async () => {
    const f = fakeReader([]);
    f.releaseReplay();
    const fanout = new Fanout(f.reader, log);
    const a = subscriber("same");
    const b = subscriber("same");
    const onlyD2 = subscriber("other", (e) => e.districtId === "d2");
    for (const s of [a, b, onlyD2]) fanout.attach(s.sub, null);
    await f.push([ev(1, "d1"), ev(2, "d2")]);
    expect(a.got).toEqual([1n, 2n]);
    expect(b.got).toEqual([1n, 2n]);
    expect(a.renders() + b.renders()).toBe(2); // one rendering per event for the group
    expect(onlyD2.got).toEqual([2n]);
  });

  it("stops delivering after detach", async () => {
    const f = fakeReader([]);
    f.releaseReplay();
    const fanout = new Fanout(f.reader, log);
    const s = subscriber("g");
    const detach = fanout.attach(s.sub, null);
    await f.push([ev(1)]);
    detach();
    await f.push([ev(2)]);
    expect(s.got).toEqual([1n]);
    expect(fanout.subscriberCount()).toBe(0);
  });
});

describe("Fanout in a reconnect storm", () => {
  it("catches subscribers up a few at a time, in arrival order, and every one gets everything", async () => {
    const stored = Array.from({ length: 30 }, (_, i) => ev(i + 1));
    let inflight = 0;
    let maxInflight = 0;
    const order: number[] = [];
    const reader = {
      listen: () => () => undefined,
      currentPosition: () => 30n,
      async readAfter(f: { userId?: string }, after: bigint, _upTo: unknown, take: number) {
        if (after === 0n) order.push(Number(f.userId));
        inflight++;
        maxInflight = Math.max(maxInflight, inflight);
        // A query that takes a few turns of the event loop, like a real one.
        for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
        inflight--;
        return stored.filter((e) => e.seq > after).slice(0, take);
      },
    } as unknown as OutboxReader;
    const fanout = new Fanout(reader, log, 3);
    const subs = Array.from({ length: 200 }, (_, i) => {
      const s = subscriber("g");
      fanout.attach({ ...s.sub, userId: String(i) }, 0n);
      return s;
    });
    await waitUntil(() => subs.every((s) => s.got.length === 30));
    expect(maxInflight).toBe(3);
    expect(order).toEqual(subs.map((_, i) => i));
    expect(fanout.catchUpLoad()).toEqual({ active: 0, waiting: 0 });
  });
});

describe("Fanout with a snapshot", () => {
  it("a live feed with a snapshot: events arriving while it is read wait, those it already shows are skipped", async () => {
    const f = fakeReader([ev(1), ev(2)]);
    f.setPosition(1n); // 2 is committed but not yet handed over by the reader
    const fanout = new Fanout(f.reader, log);
    const s = subscriber("g");
    const order: string[] = [];
    let releaseSnapshot!: () => void;
    const snapshotRead = new Promise<void>((r) => (releaseSnapshot = r));
    s.sub.deliver = (e) => order.push(`event ${e.seq}`);
    fanout.attach(s.sub, null, async () => {
      await snapshotRead;
      order.push("snapshot");
      return 2n; // the snapshot was read when 2 was the newest committed event: it shows 2
    });
    await f.push([ev(2), ev(3)]);
    releaseSnapshot();
    await new Promise((r) => setTimeout(r, 10));
    await f.push([ev(4)]);
    expect(order).toEqual(["snapshot", "event 3", "event 4"]);
  });
});

describe("cursors", () => {
  it("round-trip and are opaque", () => {
    const c = encodeCursor(123456789n);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(c).not.toContain("123456789");
    expect(decodeCursor(c)).toBe(123456789n);
  });
  it.each([
    "",
    "abc",
    `${encodeCursor(1n)}=`,
    Buffer.from("e1:01").toString("base64url"),
    Buffer.from("e1:99999999999999999999").toString("base64url"),
  ])("rejects %j with BAD_USER_INPUT", (bad) => {
    expect(() => decodeCursor(bad)).toThrowError(
      expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }),
    );
  });
});
