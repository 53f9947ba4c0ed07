import type { TypePolicies } from "@apollo/client";
import type { ComponentType, ReactNode } from "react";
import type { Role, ViewerQuery } from "../generated/gql/graphql";
import type { MessageSource, Translations } from "../i18n/messages";
import type { RouteDefinitions, RouteNamed, RoutesOf } from "./router";

/** The logged-in user as every page receives it (the `viewer` query). */
export type Viewer = NonNullable<ViewerQuery["viewer"]>;

// Method syntax makes the parameter bivariant, so a feature's precise pages still fit the
// shell's list of all features (`WebFeature` without arguments).
type PageFor<R> = { render(route: R, viewer: Viewer): ReactNode }["render"];
type PublicPageFor<R> = { render(route: R): ReactNode }["render"];

/**
 * Which page renders each route. Exhaustive: a route without a page fails the typecheck.
 * Public routes render without a login, so their pages get no viewer.
 */
export type Pages<D extends RouteDefinitions> = {
  readonly [N in keyof D & string]: D[N]["roles"] extends "public" ? PublicPageFor<RouteNamed<D, N>> : PageFor<RouteNamed<D, N>>;
};

/** An entry in the main menu, shown to the roles that may open its route. */
export interface NavEntry<D extends RouteDefinitions = RouteDefinitions, M extends MessageSource = MessageSource> {
  readonly route: RoutesOf<D>;
  /** One of the feature's own messages. */
  readonly label: keyof M & `nav.${string}`;
  /** The routes during which this entry is marked as the current page. */
  readonly section: ReadonlyArray<keyof D & string>;
}

/**
 * One feature of the web app, as the shell sees it. Each feature folder exports one from its
 * index.ts and src/features/index.ts lists them; the router, the menu, access control, the Apollo
 * cache and the message catalogue are built from that list.
 *
 * Annotate a feature with its own types (`WebFeature<typeof xRoutes, typeof nl>`): the shell reads
 * every feature through this shape, and the app's `Route` and `MessageKey` types are computed from
 * the list, from the routes and the Dutch messages only (never from the pages, which use them).
 */
export interface WebFeature<D extends RouteDefinitions = RouteDefinitions, M extends MessageSource = MessageSource> {
  readonly name: string;
  /** Its addresses and who may open them (routes.tsx, `defineRoutes`). */
  readonly routes: D;
  readonly pages: Pages<D>;
  /** Main-menu entries, in menu order (the features' order in features/index.ts comes first). */
  readonly nav?: ReadonlyArray<NavEntry<D, M>>;
  /** For these roles "/" shows this route's page instead of the home page. */
  readonly home?: { readonly roles: readonly Role[]; readonly route: RoutesOf<D> };
  /** Sections this feature adds to the dashboard, each shown to whoever may open `route`. */
  readonly dashboardSections?: ReadonlyArray<{
    readonly route: keyof D & string;
    readonly Component: ComponentType<{ viewer: Viewer }>;
  }>;
  /** Its texts (messages.nl.ts, messages.en.ts); the catalogue (shell/catalogue.ts) joins all features'. */
  readonly messages: { readonly nl: M; readonly en: Translations<M> };
  /** Apollo cache type policies for this feature's types (InMemoryCache `typePolicies`). */
  readonly typePolicies?: TypePolicies;
}
