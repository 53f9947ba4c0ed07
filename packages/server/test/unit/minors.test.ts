import { describe, expect, it } from "vitest";
import { bandForAge, consentFor, currentAgeBand, type ConsentRecord } from "../../src/core/minors.js";

const at = (iso: string) => new Date(iso);

describe("age bands move on with time", () => {
  it("moves a band on once the youngest possible age reaches the next band, with the date it holds from", () => {
    // 12–15 given on 1 Mar 2020: at least 16 from 1 Mar 2024, at least 18 from 1 Mar 2026.
    expect(currentAgeBand("AGE_12_15", at("2020-03-01T00:00:00Z"), at("2024-02-28T00:00:00Z"))).toEqual({
      ageBand: "AGE_12_15",
      since: at("2020-03-01T00:00:00Z"),
    });
    expect(currentAgeBand("AGE_12_15", at("2020-03-01T00:00:00Z"), at("2024-03-01T00:00:00Z"))).toEqual({
      ageBand: "AGE_16_17",
      since: at("2024-03-01T00:00:00Z"),
    });
    expect(currentAgeBand("AGE_12_15", at("2020-03-01T00:00:00Z"), at("2026-12-02T00:00:00Z"))).toEqual({
      ageBand: "AGE_18_23",
      since: at("2026-03-01T00:00:00Z"),
    });
    // Moving step by step gives the same as moving at once.
    const step = currentAgeBand("AGE_16_17", at("2024-03-01T00:00:00Z"), at("2026-12-02T00:00:00Z"));
    expect(step).toEqual({ ageBand: "AGE_18_23", since: at("2026-03-01T00:00:00Z") });
    expect(currentAgeBand("ADULT", at("2000-01-01T00:00:00Z"), at("2026-01-01T00:00:00Z")).ageBand).toBe("ADULT");
    expect(currentAgeBand("AGE_24_27", at("2020-01-01T00:00:00Z"), at("2024-01-01T00:00:00Z")).ageBand).toBe("ADULT");
  });
  it("maps ages to bands", () => {
    expect([0, 11, 12, 15, 16, 17, 18, 23, 24, 27, 28, 80].map(bandForAge)).toEqual([
      "UNDER_12",
      "UNDER_12",
      "AGE_12_15",
      "AGE_12_15",
      "AGE_16_17",
      "AGE_16_17",
      "AGE_18_23",
      "AGE_18_23",
      "AGE_24_27",
      "AGE_24_27",
      "ADULT",
      "ADULT",
    ]);
  });
});

describe("consent per purpose", () => {
  const c = (over: Partial<ConsentRecord>): ConsentRecord => ({
    purpose: "NETWORK_MEMBERSHIP",
    legalBasis: "CONSENT",
    byGuardian: false,
    withdrawnAt: null,
    createdAt: at("2026-01-01T00:00:00Z"),
    ...over,
  });
  it("needs a guardian's consent for that purpose under 16", () => {
    expect(consentFor("AGE_12_15", [], "NETWORK_MEMBERSHIP")).toBe("GUARDIAN_CONSENT_REQUIRED");
    expect(consentFor("UNDER_12", [c({})], "NETWORK_MEMBERSHIP")).toBe("GUARDIAN_CONSENT_REQUIRED");
    expect(consentFor("AGE_12_15", [c({ byGuardian: true, purpose: "NEWSLETTER" })], "NETWORK_MEMBERSHIP")).toBe(
      "GUARDIAN_CONSENT_REQUIRED",
    );
    expect(consentFor("AGE_12_15", [c({ byGuardian: true, legalBasis: "LEGITIMATE_INTEREST" })], "NETWORK_MEMBERSHIP")).toBe(
      "GUARDIAN_CONSENT_REQUIRED",
    );
    expect(consentFor("AGE_12_15", [c({ byGuardian: true })], "NETWORK_MEMBERSHIP")).toBe("ALLOWED");
    expect(consentFor("AGE_16_17", [], "NETWORK_MEMBERSHIP")).toBe("ALLOWED");
  });
  it("lets a withdrawal stand until a newer consent, whatever legitimate interest says", () => {
    const withdrawn = c({ withdrawnAt: at("2026-02-01T00:00:00Z") });
    expect(consentFor("ADULT", [withdrawn], "NETWORK_MEMBERSHIP")).toBe("CONSENT_WITHDRAWN");
    const li = c({ legalBasis: "LEGITIMATE_INTEREST", createdAt: at("2026-03-01T00:00:00Z") });
    expect(consentFor("ADULT", [withdrawn, li], "NETWORK_MEMBERSHIP")).toBe("CONSENT_WITHDRAWN");
    const older = c({ createdAt: at("2025-12-01T00:00:00Z") });
    expect(consentFor("ADULT", [withdrawn, older], "NETWORK_MEMBERSHIP")).toBe("CONSENT_WITHDRAWN");
    const renewed = c({ createdAt: at("2026-03-01T00:00:00Z") });
    expect(consentFor("ADULT", [withdrawn, renewed], "NETWORK_MEMBERSHIP")).toBe("ALLOWED");
    // A guardian's withdrawal for a minor: a new guardian's consent is needed.
    const gWithdrawn = c({ byGuardian: true, withdrawnAt: at("2026-02-01T00:00:00Z") });
    expect(consentFor("AGE_12_15", [gWithdrawn, renewed], "NETWORK_MEMBERSHIP")).toBe("GUARDIAN_CONSENT_REQUIRED");
  });
});
