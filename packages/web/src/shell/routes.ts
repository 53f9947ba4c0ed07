import type { ReactNode } from "react";
import type { Viewer } from "../features/auth/use-viewer";
import { features } from "../features";
import { routeTable, type Route, type RouteDefinitions, type RoutesOf } from "../kit/router";
import type { WebFeature } from "../kit/web-feature";

type RoutesOfEach<D> = D extends RouteDefinitions ? RoutesOf<D> : never;

/** Every page's route object, from the features' own route definitions. */
export type AppRoute = RoutesOfEach<(typeof features)[number]["routes"]>;

declare module "../kit/router" {
  interface RouteRegister {
    routes: AppRoute;
  }
}

const allFeatures: readonly WebFeature[] = features;

export const appRoutes = routeTable(allFeatures.map((feature) => feature.routes));

export const parsePath = appRoutes.parse;
export const pathOf = appRoutes.pathOf;

// Each feature's `Pages` type says which of its pages need the viewer: all but the public ones.
type AnyPage = (route: Route, viewer?: Viewer) => ReactNode;
const pages = new Map(allFeatures.flatMap((feature) => Object.entries(feature.pages) as Array<[string, AnyPage]>));

/** The page of a route (`viewer` is left out for public routes, which render without a login). */
export function renderPage(route: Route, viewer?: Viewer): ReactNode {
  const page = pages.get(route.name);
  if (!page) throw new Error(`no page for route ${route.name}`);
  return page(route, viewer);
}
