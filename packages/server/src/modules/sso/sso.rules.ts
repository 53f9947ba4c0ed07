import type { Role } from "../../generated/prisma/enums.js";

const ROLES: readonly Role[] = ["ADMIN", "COORDINATOR", "POLICE_LIAISON", "ALLY", "COMPLAINTS_HANDLER"];

/** "a.nl, B.nl" → ["a.nl", "b.nl"] */
export function parseDomains(list: string): string[] {
  return list
    .split(",")
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
}

/** "group-a:COORDINATOR,group-b:POLICE_LIAISON" → Map; unknown roles are refused at boot. */
export function parseRoleMap(list: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const pair of list
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.lastIndexOf(":");
    const role = pair.slice(at + 1).trim() as Role;
    if (at <= 0 || !ROLES.includes(role)) throw new Error(`OIDC_ROLE_MAP: "${pair}" is not value:ROLE`);
    map.set(pair.slice(0, at).trim(), role);
  }
  return map;
}

/** The address's domain is one of the allowed ones exactly (no subdomain tricks, no look-alikes). */
export function emailDomainAllowed(email: string, allowed: readonly string[]): boolean {
  const at = email.lastIndexOf("@");
  if (at < 1) return false;
  return allowed.includes(email.slice(at + 1).toLowerCase());
}

/** The highest role the claim maps to (a person in two groups gets the stronger one); null = none. */
export function roleFromClaim(claim: unknown, map: ReadonlyMap<string, Role>): Role | null {
  const values = Array.isArray(claim) ? claim : [claim];
  const rank: Record<Role, number> = { ALLY: 0, POLICE_LIAISON: 1, COMPLAINTS_HANDLER: 1, COORDINATOR: 2, ADMIN: 3 };
  let best: Role | null = null;
  for (const v of values) {
    const role = typeof v === "string" ? map.get(v) : undefined;
    if (role && (best === null || rank[role] > rank[best])) best = role;
  }
  return best;
}
