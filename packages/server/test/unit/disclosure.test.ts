import { describe, expect, it } from "vitest";
import {
  countFor,
  disclosablePeriod,
  lastEndedQuarter,
  quarterContaining,
  suppressCells,
  suppressPart,
  zonedMonthStart,
} from "../../src/core/disclosure.js";

const cells = (xs: number[]) => suppressCells(xs).map((c) => c.value);

describe("complementary suppression", () => {
  it("leaves a breakdown without small cells alone", () => {
    expect(cells([5, 9, 12])).toEqual([5, 9, 12]);
    expect(cells([])).toEqual([]);
  });
  it("hides a second cell when one hidden cell could be recovered from the total", () => {
    // total 23 known: 20 + 3 → hiding only the 3 would give it back.
    expect(cells([3, 20, 8])).toEqual([null, 20, null]);
  });
  it("hides more until the hidden cells hold at least 5 together", () => {
    // 1 + 2 = 3 hidden: still below 5, so the smallest visible cell (6) goes too.
    expect(cells([1, 2, 6, 30])).toEqual([null, null, null, 30]);
    // zeros count as small cells.
    expect(cells([0, 3, 7])).toEqual([null, null, null]);
  });
  it("hides a part when the rest of the whole is 1–4", () => {
    expect(suppressPart(8, 10)).toEqual({ value: null, suppressed: true });
    expect(suppressPart(8, 8)).toEqual({ value: 8, suppressed: false });
    expect(suppressPart(8, 18)).toEqual({ value: 8, suppressed: false });
    expect(suppressPart(2, 18)).toEqual({ value: null, suppressed: true });
  });
  it("gives coordinators and admins exact counts, anyone else null below 5", () => {
    expect(countFor("COORDINATOR", 2)).toBe(2);
    expect(countFor("ADMIN", 0)).toBe(0);
    expect(countFor("POLICE_LIAISON", 4)).toBeNull();
    expect(countFor("ALLY", 1)).toBeNull();
    expect(countFor("ALLY", 0)).toBeNull();
    expect(countFor("POLICE_LIAISON", 5)).toBe(5);
  });
});

describe("calendar quarters in Europe/Amsterdam", () => {
  it("starts months at local midnight, across daylight saving time", () => {
    expect(zonedMonthStart(2026, 0).toISOString()).toBe("2025-12-31T23:00:00.000Z");
    expect(zonedMonthStart(2026, 3).toISOString()).toBe("2026-03-31T22:00:00.000Z");
    expect(zonedMonthStart(2026, 12).toISOString()).toBe("2026-12-31T23:00:00.000Z");
  });
  it("finds the quarter of an instant and the last ended one", () => {
    const q = quarterContaining(new Date("2026-05-15T12:00:00Z"));
    expect([q.from.toISOString(), q.to.toISOString()]).toEqual(["2026-03-31T22:00:00.000Z", "2026-06-30T22:00:00.000Z"]);
    // 1 Jan 00:30 local is still 31 Dec in UTC: the quarter is Q1 of the new year.
    expect(quarterContaining(new Date("2025-12-31T23:30:00Z")).from.toISOString()).toBe("2025-12-31T23:00:00.000Z");
    const last = lastEndedQuarter(new Date("2026-12-02T08:00:00Z"));
    expect([last.from.toISOString(), last.to.toISOString()]).toEqual(["2026-06-30T22:00:00.000Z", "2026-09-30T22:00:00.000Z"]);
  });
  it("allows one whole ended quarter only", () => {
    const now = new Date("2026-12-02T08:00:00Z");
    const ok = disclosablePeriod(new Date("2026-03-31T22:00:00Z"), new Date("2026-06-30T22:00:00Z"), now);
    expect(ok.ok).toBe(true);
    expect(disclosablePeriod(null, null, now)).toEqual({ ok: true, period: lastEndedQuarter(now) });
    // UTC midnight is not a local quarter start.
    expect(disclosablePeriod(new Date("2026-04-01T00:00:00Z"), new Date("2026-07-01T00:00:00Z"), now).ok).toBe(false);
    // Two quarters, a month, an open end, the running quarter.
    expect(disclosablePeriod(new Date("2025-12-31T23:00:00Z"), new Date("2026-06-30T22:00:00Z"), now).ok).toBe(false);
    expect(disclosablePeriod(new Date("2026-03-31T22:00:00Z"), new Date("2026-04-30T22:00:00Z"), now).ok).toBe(false);
    expect(disclosablePeriod(new Date("2026-03-31T22:00:00Z"), null, now).ok).toBe(false);
    expect(disclosablePeriod(new Date("2026-09-30T22:00:00Z"), new Date("2026-12-31T23:00:00Z"), now).ok).toBe(false);
  });
});
