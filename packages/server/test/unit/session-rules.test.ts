import { describe, expect, it } from "vitest";
import {
  cleanGuests,
  hashInvitationToken,
  generateInvitationToken,
  isWellFormedInvitationToken,
  seatsToConfirm,
  type SeatClaim,
} from "../../src/modules/session/session.rules.js";

const claim = (id: string, seatStatus: SeatClaim["seatStatus"], ageBand: SeatClaim["ageBand"] = "ADULT"): SeatClaim => ({
  id,
  seatStatus,
  ageBand,
});

describe("seatsToConfirm (the seat rule)", () => {
  it("fills free seats strictly in queue order", () => {
    expect(
      seatsToConfirm(3, 0, [claim("a", "CONFIRMED"), claim("b", "WAITLISTED"), claim("c", "WAITLISTED"), claim("d", "WAITLISTED")]),
    ).toEqual(["b", "c"]);
  });
  it("keeps reserved youth seats from adults, and lets youth take any seat", () => {
    const queue = [claim("a", "WAITLISTED"), claim("b", "WAITLISTED"), claim("c", "WAITLISTED"), claim("y", "WAITLISTED", "AGE_16_17")];
    // 3 seats, 1 reserved: two adults, then the youth; the third adult waits.
    expect(seatsToConfirm(3, 1, queue)).toEqual(["a", "b", "y"]);
    expect(seatsToConfirm(3, 0, queue)).toEqual(["a", "b", "c"]);
    expect(seatsToConfirm(2, 2, [claim("a", "WAITLISTED"), claim("y", "WAITLISTED", "UNDER_12")])).toEqual(["y"]);
  });
  it("never takes confirmed seats back and ignores cancelled claims", () => {
    expect(seatsToConfirm(1, 0, [claim("a", "CONFIRMED"), claim("b", "CONFIRMED"), claim("c", "WAITLISTED")])).toEqual([]);
    expect(seatsToConfirm(2, 0, [claim("x", "CANCELLED"), claim("a", "WAITLISTED")])).toEqual(["a"]);
  });
});

describe("guests and tokens", () => {
  it("allows minimal youth data only, with guardian consent under 16", () => {
    expect(cleanGuests([{ label: " Sam ", ageBand: "AGE_16_17" }])).toEqual([
      { label: "Sam", ageBand: "AGE_16_17", guardianConsent: false },
    ]);
    expect(() => cleanGuests([{ label: "Sam", ageBand: "UNDER_12" }])).toThrow(/guardian/);
    expect(() => cleanGuests([{ label: "Sam", ageBand: "ADULT" }])).toThrow(/youth/);
    expect(() => cleanGuests(Array.from({ length: 4 }, () => ({ label: "A", ageBand: "AGE_18_23" as const })))).toThrow(/At most 3/);
  });
  it("generates 256-bit tokens of a fixed shape; only the hash is stored", () => {
    const t = generateInvitationToken();
    expect(isWellFormedInvitationToken(t)).toBe(true);
    expect(isWellFormedInvitationToken(`${t}x`)).toBe(false);
    expect(hashInvitationToken(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(generateInvitationToken()).not.toBe(t);
  });
});
