import type { Role } from "../generated/gql/graphql";
import type { Route } from "../kit/router";

const STAFF: readonly Role[] = ["COORDINATOR", "ADMIN"];
const EVERYONE: readonly Role[] = ["COORDINATOR", "ADMIN", "POLICE_LIAISON", "ALLY"];

/**
 * Which roles may open which page. The server decides what data anyone gets
 * (deny by default); this only keeps the navigation and the pages in step with
 * it, so nobody is shown a screen that can only answer "not allowed".
 * Exhaustive on purpose: a new Route fails the typecheck here.
 */
export function rolesFor(route: Route["name"]): readonly Role[] {
  switch (route) {
    case "home":
    case "login":
    case "notFound":
      return EVERYONE;
    case "dashboard":
      // Liaisons get their own districts' numbers (the server checks the district); never contact lists.
      return ["COORDINATOR", "ADMIN", "POLICE_LIAISON"];
    case "contacts":
    case "contact":
    case "contactEdit":
    case "contactNew":
    case "contactImport":
    case "organisations":
    case "organisationNew":
    case "organisationEdit":
      return STAFF;
    case "networks":
      return ["COORDINATOR", "ADMIN", "POLICE_LIAISON"];
    case "network":
      // Members are for coordinators and admins only (the server answers FORBIDDEN otherwise).
      return STAFF;
    case "myProfile":
      return ["ALLY"];
    // ── sessions ──
    case "sessions":
    case "sessionNew":
    case "session":
    case "sessionEdit":
      // Invitations and registrations are for coordinators and admins (liaisons: FORBIDDEN).
      return STAFF;
    case "rsvp":
      // Public: rendered outside the login guard (app.tsx) for anyone with the link.
      return EVERYONE;
    // ── signals ──
    case "alerts":
      // Whoever gets alerts: liaisons (their main page) and coordinators.
      return ["POLICE_LIAISON", "COORDINATOR"];
    case "signals":
      // The inbox is the coordinator's; liaisons follow their alerts (admins get FORBIDDEN on signals).
      return ["COORDINATOR"];
    case "signal":
      return ["COORDINATOR", "POLICE_LIAISON"];
    case "signalReport":
      return ["ALLY", "COORDINATOR", "POLICE_LIAISON"];
  }
}

export function mayOpen(role: Role, route: Route["name"]): boolean {
  return rolesFor(route).includes(role);
}
