import type { Role } from "../generated/gql/graphql";

/** Coordinators and admins: the staff pages (contacts, organisations, sessions…). */
export const STAFF: readonly Role[] = ["COORDINATOR", "ADMIN"];

export const EVERYONE: readonly Role[] = ["COORDINATOR", "ADMIN", "POLICE_LIAISON", "ALLY", "COMPLAINTS_HANDLER"];
