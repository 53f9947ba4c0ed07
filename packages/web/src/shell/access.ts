import type { Role } from "../generated/gql/graphql";
import type { Route } from "../kit/router";
import { appRoutes } from "./routes";

/**
 * Which roles may open which page: each feature says so next to its addresses (its routes.tsx,
 * `roles`). The server decides what data anyone gets (deny by default); this only keeps the
 * navigation and the pages in step with it, so nobody is shown a screen that can only answer
 * "not allowed". Features ask through `useMayOpen()` (kit/router).
 */
export function rolesFor(route: Route["name"]): readonly Role[] {
  return appRoutes.rolesFor(route);
}

export function mayOpen(role: Role, route: Route["name"]): boolean {
  return appRoutes.mayOpen(role, route);
}

/** Routes that render without logging in (and never redirect to the login page). */
export function isPublicRoute(route: Route): boolean {
  return appRoutes.isPublic(route);
}
