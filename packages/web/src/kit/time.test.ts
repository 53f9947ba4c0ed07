import { describe, expect, it } from "vitest";
import { dashboardPeriod } from "../features/dashboard/use-network-health";
import { browserLanguage } from "../i18n/i18n-provider";
import { fromDateTimeInput, instantOf, startOfDay, toDateTimeInput, wallTimeOf } from "./time";

describe("Amsterdam time (kit/time.ts)", () => {
  it("reads a typed time as Amsterdam time in winter and in summer", () => {
    expect(fromDateTimeInput("2026-12-01T19:00")?.toISOString()).toBe("2026-12-01T18:00:00.000Z");
    expect(fromDateTimeInput("2026-06-01T19:00")?.toISOString()).toBe("2026-06-01T17:00:00.000Z");
    expect(fromDateTimeInput("2026-13-01T19:00")).toBeNull();
    expect(fromDateTimeInput("morgen")).toBeNull();
  });

  it("shows an instant as Amsterdam's date and time, round trip", () => {
    expect(toDateTimeInput("2026-12-01T18:00:00.000Z")).toBe("2026-12-01T19:00");
    expect(toDateTimeInput("2026-03-28T23:30:00.000Z")).toBe("2026-03-29T00:30");
    expect(toDateTimeInput(null)).toBe("");
    for (const value of ["2026-03-29T01:59", "2026-03-29T03:00", "2026-10-25T01:00", "2026-10-25T03:00", "2026-12-31T23:59"]) {
      expect(toDateTimeInput(fromDateTimeInput(value)?.toISOString())).toBe(value);
    }
  });

  it("moves a time in the hour skipped in spring an hour later", () => {
    expect(fromDateTimeInput("2026-03-29T02:30")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("starts Amsterdam days at Amsterdam's midnight, across the clock change", () => {
    // 23:30 UTC on 1 December is already 2 December in Utrecht.
    expect(startOfDay(new Date("2026-12-01T23:30:00Z")).toISOString()).toBe("2026-12-01T23:00:00.000Z");
    expect(startOfDay(new Date("2026-12-01T23:30:00Z"), 1).toISOString()).toBe("2026-12-02T23:00:00.000Z");
    expect(startOfDay(new Date("2026-03-29T12:00:00Z")).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDay(new Date("2026-03-29T12:00:00Z"), 1).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(wallTimeOf(instantOf({ year: 2026, month: 12, day: 32, hour: 0, minute: 0 }))).toMatchObject({ year: 2027, month: 1, day: 1 });
  });
});

describe("the dashboard's period", () => {
  it("ends with today in Amsterdam, also late in the evening when UTC is a day behind or ahead", () => {
    // 00:30 in Utrecht on 2 December is 23:30 UTC on 1 December.
    const { from, to } = dashboardPeriod(new Date("2026-12-01T23:30:00Z"), 30);
    expect(to.toISOString()).toBe("2026-12-02T23:00:00.000Z"); // midnight starting 3 December
    expect(toDateTimeInput(new Date(to.getTime() - 1).toISOString())).toBe("2026-12-02T23:59");
    expect(from.toISOString()).toBe("2026-11-02T23:00:00.000Z"); // 30 days: 3 Nov up to and including 2 Dec
  });
});

describe("first visit language", () => {
  it("follows the browser's first language we have, else Dutch", () => {
    expect(browserLanguage(["en-US", "nl"])).toBe("en");
    expect(browserLanguage(["tr-TR", "en-GB"])).toBe("en");
    expect(browserLanguage(["nl-BE"])).toBe("nl");
    expect(browserLanguage(["tr"])).toBe("nl");
    expect(browserLanguage([])).toBe("nl");
  });
});
