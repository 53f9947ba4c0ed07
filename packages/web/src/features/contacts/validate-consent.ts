import type { AgeBand, ConsentInput, ConsentPurpose, LegalBasis } from "../../generated/gql/graphql";

export interface ConsentValues {
  purpose: ConsentPurpose;
  legalBasis: LegalBasis;
  byGuardian: boolean;
  guardianName: string;
}

export const CONSENT_FIELDS = ["purpose", "legalBasis", "byGuardian", "guardianName"] as const satisfies ReadonlyArray<keyof ConsentValues>;
export type ConsentField = (typeof CONSENT_FIELDS)[number];
export type ConsentErrorKey =
  | "consentForm.error.guardianRequired"
  | "consentForm.error.guardianNameRequired"
  | "consentForm.error.guardianNameTooLong"
  | `consentForm.error.server.${ConsentField}`;
export type ConsentFieldErrors = Partial<Record<ConsentField, ConsentErrorKey>>;

/** The server's limit (contact.rules.ts LIMITS.guardianName). */
export const GUARDIAN_NAME_MAX = 120;

export const EMPTY_CONSENT: ConsentValues = { purpose: "NETWORK_MEMBERSHIP", legalBasis: "CONSENT", byGuardian: false, guardianName: "" };

/** Youth under 16 need a parent's or guardian's consent: the server's rule (contact.rules.ts). */
export function needsGuardianConsent(ageBand: AgeBand): boolean {
  return ageBand === "UNDER_12" || ageBand === "AGE_12_15";
}

/**
 * The server's consent rule, checked before sending: consent as legal basis for a
 * child under 16 must come from a parent or guardian, and a guardian's consent names them.
 */
export function validateConsent(ageBand: AgeBand, consent: ConsentValues): ConsentFieldErrors {
  const errors: ConsentFieldErrors = {};
  if (consent.legalBasis === "CONSENT" && needsGuardianConsent(ageBand) && !consent.byGuardian) {
    errors.byGuardian = "consentForm.error.guardianRequired";
  }
  const name = consent.guardianName.trim();
  if (consent.byGuardian && name === "") errors.guardianName = "consentForm.error.guardianNameRequired";
  else if (consent.byGuardian && name.length > GUARDIAN_NAME_MAX) errors.guardianName = "consentForm.error.guardianNameTooLong";
  return errors;
}

/** A server field path inside one consent ("guardianName", "givenAt", …) as a form error. */
export function serverConsentError(field: string): [ConsentField, ConsentErrorKey] {
  const known = (CONSENT_FIELDS as readonly string[]).includes(field) ? (field as ConsentField) : "purpose";
  return [known, `consentForm.error.server.${known}`];
}

export function toConsentInput(consent: ConsentValues): ConsentInput {
  return {
    purpose: consent.purpose,
    legalBasis: consent.legalBasis,
    byGuardian: consent.byGuardian,
    guardianName: consent.byGuardian ? consent.guardianName.trim() : null,
  };
}
