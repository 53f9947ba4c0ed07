import { badInput } from "./errors.js";

/** C0 controls except tab, line feed and carriage return, and DEL: never typed by a person. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this rule's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Whether a string holds a control character no person types (see CONTROL). */
export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}

/**
 * A search text as a LIKE/ILIKE literal: `\`, `%` and `_` escaped with PostgreSQL's default
 * escape character, so "%" finds a percent sign instead of everything. Prisma's `contains`,
 * `startsWith` and `endsWith` pass the value into a LIKE pattern unescaped.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The one rule for free text from clients: trimmed; empty becomes null; too long, too
 * short (when `min` > 0) or holding control characters is BAD_USER_INPUT at `field`.
 * (What the text *says* is checked by the situation-text guard in @wijknet/shared.)
 */
export function cleanText(value: string | null | undefined, field: string, max: number, min = 0): string | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  if (v.length === 0) {
    if (min > 0) throw badInput(field, "Required.");
    return null;
  }
  if (v.length < min) throw badInput(field, `At least ${min} characters.`);
  if (v.length > max) throw badInput(field, `At most ${max} characters.`);
  if (CONTROL.test(v)) throw badInput(field, "Contains characters that are not allowed.");
  return v;
}

export function requiredText(value: string | null | undefined, field: string, max: number, min = 1): string {
  const v = cleanText(value, field, max, Math.max(1, min));
  if (v === null) throw badInput(field, "Required.");
  return v;
}
