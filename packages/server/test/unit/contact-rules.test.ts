import { describe, expect, it } from "vitest";
import { AppError } from "../../src/core/errors.js";
import { cleanText } from "../../src/core/text.js";
import {
  checkConsent,
  cleanEmail,
  cleanLanguage,
  cleanPhone,
  isStale,
  needsGuardianConsent,
  displayPhone,
  normalisePhone,
  phoneKey,
  safeCsvCell,
} from "../../src/modules/contact/contact.rules.js";
import { suppress, suppressedShare } from "../../src/core/disclosure.js";

function fieldOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.extensions["field"] : "not an AppError";
  }
  return "no error";
}

describe("contact rules", () => {
  it("normalises and validates email, phone and language", () => {
    expect(cleanEmail("  Noor@Example.ORG ")).toBe("noor@example.org");
    expect(cleanEmail("")).toBeNull();
    expect(fieldOf(() => cleanEmail("not-an-email"))).toBe("input.email");
    expect(cleanPhone("06 1234 5678")).toBe("+31612345678");
    expect(fieldOf(() => cleanPhone("call me"))).toBe("input.phone");
    expect(fieldOf(() => cleanPhone("0612"))).toBe("input.phone");
    expect(cleanLanguage(undefined)).toBe("nl");
    expect(cleanLanguage("en-GB")).toBe("en-GB");
    expect(fieldOf(() => cleanLanguage("Nederlands!"))).toBe("input.preferredLanguage");
  });

  it("rejects control characters and overlong text, trims and empties to null", () => {
    expect(cleanText("  hoi  ", "f", 10)).toBe("hoi");
    expect(cleanText("   ", "f", 10)).toBeNull();
    expect(fieldOf(() => cleanText("a".repeat(11), "f", 10))).toBe("f");
    expect(fieldOf(() => cleanText("a\u0000b", "f", 10))).toBe("f");
  });

  it("stores every notation of one number as the same E.164 and shows Dutch numbers nationally", () => {
    for (const v of [
      "06-12345678",
      "06 1234 5678",
      "+31 6 1234 5678",
      "+31 (0)6 1234 5678",
      "0031 6 12345678",
      "0031612345678",
      "06.12.34.56.78",
    ]) {
      expect(normalisePhone(v), v).toBe("+31612345678");
    }
    expect(normalisePhone("030 123 4567")).toBe("+31301234567");
    expect(normalisePhone("+44 20 7946 0958")).toBe("+442079460958");
    expect(normalisePhone("12")).toBeNull();
    expect(normalisePhone("+31 6 1234")).toBeNull();
    // Shaped like a Dutch number though not (yet) in the metadata: kept, in E.164.
    expect(normalisePhone("06-00001234")).toBe("+31600001234");
    expect(phoneKey("+31 6 1234 5678")).toBe(phoneKey("06-12345678"));
    expect(phoneKey("030 123 4567")).not.toBe(phoneKey("06 1234 5678"));
    expect(displayPhone("+31612345678")).toBe("06 12345678");
    expect(displayPhone("+31301234567")).toBe("030 123 4567");
    expect(displayPhone("+442079460958")).toBe("+44 20 7946 0958");
    expect(displayPhone(null)).toBeNull();
  });

  it("requires guardian consent under 16 when the basis is consent", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    expect(needsGuardianConsent("AGE_12_15")).toBe(true);
    expect(needsGuardianConsent("AGE_16_17")).toBe(false);
    const base = { legalBasis: "CONSENT" as const, byGuardian: false, guardianName: null, givenAt: now };
    expect(fieldOf(() => checkConsent("AGE_12_15", base, "c", now))).toBe("c.byGuardian");
    expect(fieldOf(() => checkConsent("AGE_12_15", { ...base, byGuardian: true }, "c", now))).toBe("c.guardianName");
    expect(fieldOf(() => checkConsent("AGE_12_15", { ...base, byGuardian: true, guardianName: "Ouder" }, "c", now))).toBe("no error");
    expect(fieldOf(() => checkConsent("AGE_12_15", { ...base, legalBasis: "PUBLIC_TASK" }, "c", now))).toBe("no error");
    expect(fieldOf(() => checkConsent("ADULT", { ...base, givenAt: new Date(now.getTime() + 86_400_000) }, "c", now))).toBe("c.givenAt");
  });

  it("calls an active contact stale after the period or when never spoken to", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    expect(isStale({ status: "ACTIVE", lastInteractionAt: null }, 90, now)).toBe(true);
    expect(isStale({ status: "ACTIVE", lastInteractionAt: daysAgo(91) }, 90, now)).toBe(true);
    expect(isStale({ status: "ACTIVE", lastInteractionAt: daysAgo(89) }, 90, now)).toBe(false);
    expect(isStale({ status: "INACTIVE", lastInteractionAt: null }, 90, now)).toBe(false);
  });

  it("defuses spreadsheet formulas in exported cells", () => {
    expect(safeCsvCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(safeCsvCell("+31 6 1234 5678")).toBe("'+31 6 1234 5678");
    expect(safeCsvCell("Noor")).toBe("Noor");
  });
});

describe("small-cell suppression", () => {
  it("hides counts under 5 and shares computed from them", () => {
    expect(suppress(4)).toEqual({ value: null, suppressed: true });
    expect(suppress(0)).toEqual({ value: null, suppressed: true });
    expect(suppress(5)).toEqual({ value: 5, suppressed: false });
    expect(suppressedShare(4, 100)).toBeNull();
    expect(suppressedShare(5, 4)).toBeNull();
    expect(suppressedShare(5, 20)).toBe(0.25);
  });
});
