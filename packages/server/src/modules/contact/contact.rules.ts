/**
 * Pure rules for contacts: input normalisation and validation, staleness, consent.
 * No I/O here, so every rule is unit-tested directly (contact.rules.test.ts).
 */
import type { AgeBand, LegalBasis } from "../../generated/prisma/enums.js";
import { badInput } from "../../core/errors.js";
import { cleanText } from "../../core/text.js";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { needsGuardianConsent } from "../../core/minors.js";

export const LIMITS = {
  fullName: 120,
  email: 254,
  phone: 32,
  notes: 2000,
  roleTitle: 120,
  interactionNote: 500,
  guardianName: 120,
} as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Digits with the usual separators and an optional leading +. */
const PHONE = /^\+?[0-9][0-9 ().-]{5,30}$/;
/** A BCP 47 tag as people use them: "nl", "en-GB", "ber", "pap". */
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function cleanEmail(value: string | null | undefined, field = "input.email"): string | null {
  const v = cleanText(value, field, LIMITS.email);
  if (v === null) return null;
  const lower = v.toLowerCase();
  if (!EMAIL.test(lower)) throw badInput(field, "Enter a valid email address.");
  return lower;
}

/**
 * A phone number as stored: E.164 ("+31612345678"), parsed with libphonenumber's full
 * metadata, the Netherlands the default region. Every Dutch notation is one number:
 * "06-12345678", "0031 6 1234 5678", "+31 (0)6 1234 5678".
 */
export function cleanPhone(value: string | null | undefined, field = "input.phone"): string | null {
  const v = cleanText(value, field, LIMITS.phone);
  if (v === null) return null;
  const e164 = normalisePhone(v);
  if (e164 === null) throw badInput(field, "Enter a phone number with digits, e.g. 06 1234 5678 or +31 6 1234 5678.");
  return e164;
}

/** E.164 for a valid number in any notation (Dutch default), else null. */
export function normalisePhone(value: string): string | null {
  if (!PHONE.test(value.replace(/\(0\)/, ""))) return null;
  const parsed = parsePhoneNumberFromString(value.replace(/\(0\)/, ""), "NL");
  if (!parsed) return null;
  // Valid by libphonenumber's metadata, or shaped like a Dutch number (nine digits after the 0 or
  // +31): number blocks are allocated over time and a register must not refuse a real number
  // because the metadata lags (nor the demo data's fictional 06-0000… numbers).
  const dutchShape = parsed.countryCallingCode === "31" && /^[1-9]\d{8}$/.test(parsed.nationalNumber);
  return parsed.isValid() || dutchShape ? parsed.number : null;
}

/** How a stored number is shown: Dutch numbers in national format ("06 12345678"), others international. */
export function displayPhone(stored: string | null): string | null {
  if (stored === null) return null;
  const parsed = parsePhoneNumberFromString(stored, "NL");
  if (!parsed) return stored;
  return parsed.country === "NL" ? parsed.formatNational() : parsed.formatInternational();
}

/** Phone numbers compared for duplicates: E.164 when it parses (any notation), else digits only. */
export function phoneKey(phone: string): string {
  return normalisePhone(phone) ?? phone.replace(/\D/g, "");
}

export function cleanLanguage(value: string | null | undefined, field = "input.preferredLanguage"): string {
  const v = cleanText(value, field, 35) ?? "nl";
  if (!LANGUAGE.test(v)) throw badInput(field, "Use a language code such as nl, en or ar.");
  return v;
}

export { needsGuardianConsent };

export interface ConsentCheck {
  legalBasis: LegalBasis;
  byGuardian: boolean;
  guardianName: string | null;
  givenAt: Date;
}

export function checkConsent(ageBand: AgeBand, c: ConsentCheck, field: string, now: Date): void {
  if (c.givenAt.getTime() > now.getTime() + 60_000) throw badInput(`${field}.givenAt`, "Cannot be in the future.");
  if (c.legalBasis === "CONSENT" && needsGuardianConsent(ageBand) && !c.byGuardian) {
    throw badInput(`${field}.byGuardian`, "Youth under 16 need consent from a parent or guardian.");
  }
  if (c.byGuardian && !c.guardianName) throw badInput(`${field}.guardianName`, "Name the parent or guardian who gave consent.");
}

/** Stale: active, and no logged contact within `staleAfterDays` (never spoken to counts as stale). */
export function isStale(contact: { status: string; lastInteractionAt: Date | null }, staleAfterDays: number, now: Date): boolean {
  if (contact.status !== "ACTIVE") return false;
  return contact.lastInteractionAt === null || contact.lastInteractionAt < staleCutoff(staleAfterDays, now);
}

export function staleCutoff(staleAfterDays: number, now: Date): Date {
  return new Date(now.getTime() - staleAfterDays * 86_400_000);
}

/** A cell that a spreadsheet would run as a formula is prefixed with ' (CSV injection). */
export function safeCsvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
