import type { ContactRoleInput } from "../../generated/gql/graphql";

export interface RoleValues {
  /** Stable React key for the row (not sent). */
  key: string;
  title: string;
  /** "" for no organisation. */
  organisationId: string;
  /** Kept as they were: editing roles does not change when a role started or ended. */
  since: string | null;
  until: string | null;
}

export const ROLE_FIELDS = ["title", "organisationId"] as const;
export type RoleField = (typeof ROLE_FIELDS)[number];
export type RoleErrorKey =
  | "roleForm.error.titleRequired"
  | "roleForm.error.titleTooLong"
  | "roleForm.error.server.title"
  | "roleForm.error.server.organisationId";
export type RoleFieldErrors = Partial<Record<RoleField, RoleErrorKey>>;

/** The server's limits (contact.rules.ts LIMITS.roleTitle, at most 20 roles). */
export const ROLE_TITLE_MAX = 120;
export const MAX_ROLES = 20;

let counter = 0;
export function newRoleKey(): string {
  counter += 1;
  return `role-${counter}`;
}

export function emptyRole(): RoleValues {
  return { key: newRoleKey(), title: "", organisationId: "", since: null, until: null };
}

export function validateRole(role: RoleValues): RoleFieldErrors {
  const title = role.title.trim();
  if (title === "") return { title: "roleForm.error.titleRequired" };
  if (title.length > ROLE_TITLE_MAX) return { title: "roleForm.error.titleTooLong" };
  return {};
}

/** A server field path inside one role: the organisation, or (title, dates) the title. */
export function serverRoleError(field: string): [RoleField, RoleErrorKey] {
  return field === "organisationId" ? ["organisationId", "roleForm.error.server.organisationId"] : ["title", "roleForm.error.server.title"];
}

export function toRoleInput(role: RoleValues): ContactRoleInput {
  return {
    title: role.title.trim(),
    organisationId: role.organisationId === "" ? null : role.organisationId,
    since: role.since,
    until: role.until,
  };
}
