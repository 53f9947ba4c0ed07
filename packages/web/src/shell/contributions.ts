import type { TypePolicies } from "@apollo/client";
import { features } from "../features";
import type { DashboardSection } from "../features/dashboard/dashboard-sections";
import type { Role } from "../generated/gql/graphql";
import type { Route } from "../kit/router";
import { appRoutes } from "./routes";
import type { MessageKey } from "../i18n/messages";

/** What the features add to the shared parts of the app, gathered from the features' list. */
const list: ReadonlyArray<(typeof features)[number]> = features;

export interface NavItem {
  route: Route;
  label: Extract<MessageKey, `nav.${string}`>;
  section: readonly string[];
}

/** The main menu's entries, in the order of the features' list. */
export const navItems: readonly NavItem[] = list.flatMap<NavItem>((feature) => feature.nav ?? []);

/** The page "/" shows for a role: another feature's page (WebFeature `home`) or the home page. */
export function homeRouteFor(role: Role): Route {
  return list.find((feature) => feature.home?.roles.includes(role))?.home?.route ?? { name: "home" };
}

/** The dashboard's extra sections, each for the roles that may open its feature's route. */
export const dashboardSections: readonly DashboardSection[] = list.flatMap((feature) =>
  (feature.dashboardSections ?? []).map(({ route, Component }) => ({
    key: `${feature.name}.${route}`,
    roles: appRoutes.rolesFor(route),
    Component,
  })),
);

/** The Apollo cache's type policies; a type belongs to one feature. */
export const typePolicies: TypePolicies = {};
for (const feature of list) {
  for (const [typename, policy] of Object.entries(feature.typePolicies ?? {})) {
    if (typename in typePolicies) throw new Error(`type policy for ${typename} is declared twice`);
    typePolicies[typename] = policy;
  }
}
