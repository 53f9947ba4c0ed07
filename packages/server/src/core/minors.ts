import type { AgeBand, ConsentPurpose, LegalBasis } from "../generated/prisma/enums.js";

/**
 * Minors and consent: pure rules, unit-tested (test/unit/minors.test.ts).
 *
 * **Age bands move on with time.** No birth date is ever stored. A contact has an age band and
 * `ageBandSince`, the moment the person was at least the band's lower age (when the band was
 * given, that is the date it was given: the youngest they can have been). From there the youngest
 * age they can be now is the lower age plus the whole years since, and their band is the band of
 * that age; `currentAgeBand` also says from when the new band holds, so the pair stays true.
 * Erring young keeps a guardian's consent required rather than dropping it too early.
 *
 * **Consent per purpose.** A contact under 16 may be added to a network, invited to a session or
 * imported as active only with a parent's or guardian's consent for that purpose. A withdrawal
 * stands until a newer consent (legal basis CONSENT) is recorded: a legitimate-interest record
 * never overrides it.
 */

export const AGE_BANDS: readonly AgeBand[] = ["UNDER_12", "AGE_12_15", "AGE_16_17", "AGE_18_23", "AGE_24_27", "ADULT"];

/** The youngest age in each band (ADULT: past youth work age). */
export const BAND_LOWER_AGE: Readonly<Record<AgeBand, number>> = {
  UNDER_12: 0,
  AGE_12_15: 12,
  AGE_16_17: 16,
  AGE_18_23: 18,
  AGE_24_27: 24,
  ADULT: 28,
};

export function bandForAge(age: number): AgeBand {
  let band: AgeBand = "UNDER_12";
  for (const b of AGE_BANDS) if (age >= BAND_LOWER_AGE[b]) band = b;
  return band;
}

/** Youth under 16 need a parent's or guardian's consent (AVG/GDPR art. 8 as applied in NL). */
export function needsGuardianConsent(ageBand: AgeBand): boolean {
  return ageBand === "UNDER_12" || ageBand === "AGE_12_15";
}

function addYears(at: Date, years: number): Date {
  const d = new Date(at.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

function wholeYearsBetween(from: Date, to: Date): number {
  let years = to.getUTCFullYear() - from.getUTCFullYear();
  if (addYears(from, years).getTime() > to.getTime()) years--;
  return Math.max(0, years);
}

/** The band now, and since when it holds, for a band that held from `since`. */
export function currentAgeBand(ageBand: AgeBand, since: Date, now: Date): { ageBand: AgeBand; since: Date } {
  const youngest = BAND_LOWER_AGE[ageBand] + wholeYearsBetween(since, now);
  const band = bandForAge(youngest);
  if (band === ageBand) return { ageBand, since };
  return { ageBand: band, since: addYears(since, BAND_LOWER_AGE[band] - BAND_LOWER_AGE[ageBand]) };
}

export interface ConsentRecord {
  purpose: ConsentPurpose;
  legalBasis: LegalBasis;
  byGuardian: boolean;
  withdrawnAt: Date | null;
  /** When the record was made (a withdrawal is overridden only by a record made after it). */
  createdAt: Date;
}

export type ConsentDecision = "ALLOWED" | "GUARDIAN_CONSENT_REQUIRED" | "CONSENT_WITHDRAWN";

/** May a contact of this band be processed for `purpose`, given their consent records? */
export function consentFor(ageBand: AgeBand, consents: readonly ConsentRecord[], purpose: ConsentPurpose): ConsentDecision {
  const mine = consents.filter((c) => c.purpose === purpose);
  const lastWithdrawal = Math.max(-Infinity, ...mine.flatMap((c) => (c.withdrawnAt ? [c.withdrawnAt.getTime()] : [])));
  const standing = mine.filter((c) => !c.withdrawnAt && c.createdAt.getTime() > lastWithdrawal);
  if (lastWithdrawal > -Infinity && !standing.some((c) => c.legalBasis === "CONSENT")) return "CONSENT_WITHDRAWN";
  if (needsGuardianConsent(ageBand) && !standing.some((c) => c.legalBasis === "CONSENT" && c.byGuardian)) {
    return "GUARDIAN_CONSENT_REQUIRED";
  }
  return "ALLOWED";
}

export const CONSENT_MESSAGES: Readonly<Record<Exclude<ConsentDecision, "ALLOWED">, string>> = {
  GUARDIAN_CONSENT_REQUIRED: "This contact is under 16: record a parent's or guardian's consent for this purpose first.",
  CONSENT_WITHDRAWN: "This contact's consent for this purpose was withdrawn.",
};
