import type { AgeBand, GuestInput } from "../../generated/gql/graphql";

export interface GuestValues {
  label: string;
  ageBand: AgeBand;
  guardianConsent: boolean;
}

export const MAX_GUESTS = 3;
export const GUEST_AGE_BANDS: readonly AgeBand[] = ["UNDER_12", "AGE_12_15", "AGE_16_17", "AGE_18_23", "AGE_24_27"];
const UNDER_16: ReadonlySet<AgeBand> = new Set(["UNDER_12", "AGE_12_15"]);

export const isUnder16 = (band: AgeBand) => UNDER_16.has(band);

export type GuestErrorKey =
  | "rsvp.error.guestLabelRequired"
  | "rsvp.error.guestLabelContact"
  | "rsvp.error.guestLabelTooLong"
  | "rsvp.error.guestAgeBand"
  | "rsvp.error.guardianConsent";
export type GuestErrors = Array<Partial<Record<"label" | "ageBand" | "guardianConsent", GuestErrorKey>>>;

/**
 * Mirrors the server (session.rules.ts cleanGuests): a first name or initials (no contact
 * details: no "@", no run of digits), at most 40 characters, a youth age band, and a
 * parent's or guardian's consent for guests under 16.
 */
export function validateGuests(guests: readonly GuestValues[]): GuestErrors {
  return guests.map((g) => {
    const errors: GuestErrors[number] = {};
    const label = g.label.trim();
    if (label === "") errors.label = "rsvp.error.guestLabelRequired";
    else if (/[@\d]{3,}|@/.test(label)) errors.label = "rsvp.error.guestLabelContact";
    else if (label.length > 40) errors.label = "rsvp.error.guestLabelTooLong";
    if (!GUEST_AGE_BANDS.includes(g.ageBand)) errors.ageBand = "rsvp.error.guestAgeBand";
    if (isUnder16(g.ageBand) && !g.guardianConsent) errors.guardianConsent = "rsvp.error.guardianConsent";
    return errors;
  });
}

export const hasGuestErrors = (errors: GuestErrors) => errors.some((e) => Object.keys(e).length > 0);

/** Server paths like "guests.1.label" onto the rows. */
export function serverGuestErrors(paths: readonly string[], count: number): GuestErrors {
  const errors: GuestErrors = Array.from({ length: count }, () => ({}));
  for (const path of paths) {
    const match = /^guests\.(\d+)\.(label|ageBand|guardianConsent)$/.exec(path);
    const row = match ? errors[Number(match[1])] : undefined;
    if (!match || !row) continue;
    const field = match[2] as "label" | "ageBand" | "guardianConsent";
    row[field] =
      field === "label" ? "rsvp.error.guestLabelContact" : field === "ageBand" ? "rsvp.error.guestAgeBand" : "rsvp.error.guardianConsent";
  }
  return errors;
}

export function toGuestInput(guests: readonly GuestValues[]): GuestInput[] {
  return guests.map((g) => ({
    label: g.label.trim(),
    ageBand: g.ageBand,
    guardianConsent: isUnder16(g.ageBand) ? g.guardianConsent : false,
  }));
}
