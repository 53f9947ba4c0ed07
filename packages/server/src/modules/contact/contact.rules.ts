/**
 * Pure rules for contacts: input normalisation and validation, staleness, consent.
 * No I/O here, so every rule is unit-tested directly (contact.rules.test.ts).
 */
import type { AgeBand, LegalBasis } from "../../generated/prisma/enums.js";
import { badInput } from "../../core/errors.js";
import { cleanText } from "../../core/text.js";
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
const PHONE = /^\+?[0-9][0-9 ()-]{5,30}$/;
/** A BCP 47 tag as people use them: "nl", "en-GB", "ber", "pap". */
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function cleanEmail(value: string | null | undefined, field = "input.email"): string | null {
  const v = cleanText(value, field, LIMITS.email);
  if (v === null) return null;
  const lower = v.toLowerCase();
  if (!EMAIL.test(lower)) throw badInput(field, "Enter a valid email address.");
  return lower;
}

export function cleanPhone(value: string | null | undefined, field = "input.phone"): string | null {
  const v = cleanText(value, field, LIMITS.phone);
  if (v === null) return null;
  if (!PHONE.test(v)) throw badInput(field, "Enter a phone number with digits, e.g. 06 1234 5678 or +31 6 1234 5678.");
  return v;
}

/** Phone numbers compared for duplicates: digits only, Dutch 06… and +316… the same. */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.startsWith("31") && digits.length === 11 ? `0${digits.slice(2)}` : digits;
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
