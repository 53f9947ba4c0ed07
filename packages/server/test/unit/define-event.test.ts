import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkEventOwnership, defineEvent, isoDate } from "../../src/platform/realtime/event.js";
import type { OutboxEvent } from "../../src/platform/realtime/outbox.js";

const Thing = defineEvent({
  topic: "thing",
  type: "THING_CHANGED",
  payload: z.object({ id: z.string(), count: z.number().int(), at: isoDate(), until: isoDate().nullable() }),
});
const meta = { municipalityId: "m1", entityId: "t1", districtId: "d1" };

/** What the reader gets back: the row as stored (JSON column). */
const stored = (input: ReturnType<typeof Thing.create>, seq = 1n): OutboxEvent => ({
  seq,
  municipalityId: input.municipalityId,
  topic: input.topic,
  type: input.type,
  districtId: input.districtId ?? null,
  userId: input.userId ?? null,
  entityId: input.entityId,
  payload: JSON.parse(JSON.stringify(input.payload)),
  createdAt: new Date(),
});

describe("defineEvent", () => {
  it("builds the outbox row with the routing columns; the reader gets the payload back with Dates", () => {
    const at = new Date("2025-03-01T10:00:00.000Z");
    const row = Thing.create(meta, { id: "t1", count: 3, at, until: null });
    expect(row).toMatchObject({
      municipalityId: "m1",
      topic: "thing",
      type: "THING_CHANGED",
      districtId: "d1",
      userId: null,
      entityId: "t1",
    });
    expect(row.payload).toEqual({ id: "t1", count: 3, at: "2025-03-01T10:00:00.000Z", until: null });
    const event = stored(row);
    expect(Thing.is(event)).toBe(true);
    const parsed = Thing.parse(event);
    expect(parsed.at).toBeInstanceOf(Date);
    expect(parsed).toEqual({ id: "t1", count: 3, at, until: null });
    // Parsed once per event object, however many subscribers read it.
    expect(Thing.parse(event)).toBe(parsed);
  });

  it("refuses a payload that does not match its schema at write time", () => {
    expect(() => Thing.create(meta, { id: "t1", count: 1.5, at: new Date(), until: null })).toThrow(/THING_CHANGED.*does not match/);
    expect(() => Thing.create(meta, { id: "t1", count: 1, at: new Date("nonsense"), until: null })).toThrow(/does not match/);
    expect(() => Thing.create(meta, { id: 7, count: 1, at: new Date(), until: null } as never)).toThrow(/does not match/);
  });

  it("refuses to read an event of another kind or a stored payload that does not match", () => {
    const row = Thing.create(meta, { id: "t1", count: 1, at: new Date(), until: null });
    expect(Thing.is({ topic: "thing", type: "OTHER" })).toBe(false);
    expect(() => Thing.parse({ ...stored(row), type: "OTHER" })).toThrow(/expected an outbox event thing\/THING_CHANGED/);
    expect(() => Thing.parse({ ...stored(row), payload: { id: "t1" } })).toThrow(/stored payload does not match/);
  });

  it("a topic belongs to one module (boot check)", () => {
    const Other = defineEvent({ topic: "thing", type: "THING_GONE", payload: z.object({}) });
    expect(() => checkEventOwnership([{ name: "a", events: [Thing, Other] }])).not.toThrow();
    expect(() =>
      checkEventOwnership([
        { name: "a", events: [Thing] },
        { name: "b", events: [Other] },
      ]),
    ).toThrow(/"thing" is claimed by modules "a" and "b"/);
    expect(() => checkEventOwnership([{ name: "a", events: [Thing, Thing] }])).toThrow(/defined twice/);
  });
});
