import { dictionary } from "@zxcvbn-ts/language-common";
import type { Role } from "../../generated/prisma/enums.js";

/**
 * Password rules after NIST SP 800-63B §3.1.1.2: at least 12 characters, at most 1024
 * (the hash's input stays bounded), not on a list of common or breached passwords, not
 * the account's own name or address; no composition rules ("one digit, one capital").
 * The list is the 49k most common passwords that @zxcvbn-ts/language-common ships.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
}

export type PasswordProblem = "TOO_SHORT" | "TOO_LONG" | "COMMON" | "CONTEXT";

/** Length counts characters (code points), as NIST asks, not UTF-16 units. */
export function passwordProblem(password: string, context: readonly string[] = []): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "TOO_SHORT";
  if (length > PASSWORD_MAX_LENGTH) return "TOO_LONG";
  const lower = password.normalize("NFKC").toLowerCase();
  if (commonPasswords().has(lower)) return "COMMON";
  // Repetitive or sequential characters ("aaaa…", "abab…", "1234…"), a common password
  // repeated, or one with digits or "!" after it are as guessable as the list itself.
  if (isRepetition(lower) || isSequence(lower)) return "COMMON";
  const stem = lower.replace(/[\d!.?]+$/, "");
  if (stem.length >= 6 && stem !== lower && commonPasswords().has(stem)) return "COMMON";
  const words = ["wijknet", ...context.flatMap(contextWords)];
  if (words.some((w) => w.length >= 4 && (lower === w || lower.replace(/[\d!.?]+$/, "") === w))) return "CONTEXT";
  return null;
}

/** The whole password is one short unit repeated, or a common password repeated. */
function isRepetition(p: string): boolean {
  const chars = [...p];
  for (let unit = 1; unit <= chars.length / 2; unit++) {
    if (chars.length % unit !== 0) continue;
    const head = chars.slice(0, unit).join("");
    if (head.repeat(chars.length / unit) === p && (unit <= 4 || commonPasswords().has(head))) return true;
  }
  return false;
}

/** Every character one up (or down) from the one before: "123456789012", "abcdefghijkl". */
function isSequence(p: string): boolean {
  const codes = [...p].map((c) => c.codePointAt(0) ?? 0);
  const step = (a: number, b: number) => {
    const digits = a >= 48 && a <= 57 && b >= 48 && b <= 57;
    return digits ? (b - a + 10) % 10 : b - a;
  };
  const up = codes.every((c, i) => i === 0 || step(codes[i - 1]!, c) === 1);
  const down = codes.every((c, i) => i === 0 || [-1, 9].includes(step(codes[i - 1]!, c)));
  return up || down;
}

function contextWords(value: string): string[] {
  const v = value.trim().toLowerCase();
  if (!v) return [];
  const local = v.split("@")[0] ?? v;
  return [v, local, v.replace(/\s+/g, "")];
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  TOO_SHORT: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  TOO_LONG: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  COMMON: "This password is too common; choose another one.",
  CONTEXT: "Do not use your name, email address or the name of the app as password.",
};

/** Rank of a role for "an admin cannot raise their own role". */
const RANK: Record<Role, number> = { ALLY: 0, POLICE_LIAISON: 1, COMPLAINTS_HANDLER: 1, COORDINATOR: 2, ADMIN: 3 };

export type RoleChangeRefusal = "OWN_ROLE_RAISED" | "LAST_ADMIN";

/**
 * Whether a role change (or disabling, `to: null`) may happen. `activeAdmins` counts the
 * municipality's active admins, the target included, read under a lock.
 */
export function roleChangeRefusal(input: {
  actorId: string;
  targetId: string;
  from: Role;
  to: Role | null;
  targetActive: boolean;
  activeAdmins: number;
}): RoleChangeRefusal | null {
  const { actorId, targetId, from, to, targetActive, activeAdmins } = input;
  if (actorId === targetId && to !== null && RANK[to] > RANK[from]) return "OWN_ROLE_RAISED";
  const losesAdmin = from === "ADMIN" && to !== "ADMIN" && targetActive;
  if (losesAdmin && activeAdmins <= 1) return "LAST_ADMIN";
  return null;
}

/** Municipality-wide roles work without districts; backups exist only among police liaisons. */
export type DistrictProblem = "NOT_FOR_ROLE" | "BACKUP_NOT_LIAISON" | "DUPLICATE";

export function districtProblem(role: Role, districts: readonly { districtId: string; backup: boolean }[]): DistrictProblem | null {
  if ((role === "ADMIN" || role === "COORDINATOR" || role === "COMPLAINTS_HANDLER") && districts.length > 0) return "NOT_FOR_ROLE";
  if (role !== "POLICE_LIAISON" && districts.some((d) => d.backup)) return "BACKUP_NOT_LIAISON";
  if (new Set(districts.map((d) => d.districtId)).size !== districts.length) return "DUPLICATE";
  return null;
}
