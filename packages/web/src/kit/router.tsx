/**
 * A deliberately small router on the History API. Each feature declares its routes as path
 * patterns (`defineRoutes` in its routes.ts); a route object is the route's name plus its path
 * parameters, so `{ name: "contact", id }` is checked by the compiler wherever a link is made.
 * The router knows no feature: the shell hands `RouterProvider` the table built from the
 * features' list and registers their route union as `Route` (see `RouteRegister`).
 */
import { Link, type LinkProps } from "@utrecht/component-library-react";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from "react";
import type { Role } from "../generated/gql/graphql";
import { EVERYONE } from "./roles";

export interface RouteDefinition {
  /** The address: literal segments and `:param` placeholders, e.g. "/contacten/:id/bewerken". */
  readonly path: string;
  /**
   * Who may open the page. The server decides what data anyone gets (deny by default); this
   * only keeps the menu and the pages in step with it, so nobody is shown a screen that can only
   * answer "not allowed". "public": anyone with the address, also without logging in.
   */
  readonly roles: readonly Role[] | "public";
  /** A regular expression (source) per parameter; by default an id. */
  readonly params?: Readonly<Record<string, string>>;
}

export type RouteDefinitions = Readonly<Record<string, RouteDefinition>>;

/** The parameter names in a path pattern: "/a/:id/b/:token" → "id" | "token". */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The route objects of a set of definitions: `{ name: "contacts" } | { name: "contact"; id: string } | …`. */
export type RoutesOf<D extends RouteDefinitions> = {
  [N in keyof D & string]: { [K in "name" | ParamNames<D[N]["path"]>]: K extends "name" ? N : string };
}[keyof D & string];

/** The route object of one named route. */
export type RouteNamed<D extends RouteDefinitions, N extends keyof D & string> = Extract<RoutesOf<D>, { name: N }>;

/** Declares a feature's routes, keeping the literal paths so `RoutesOf` can read their parameters. */
export function defineRoutes<const D extends RouteDefinitions>(definitions: D): D {
  return definitions;
}

/** Any address that is not one of the app's pages. */
export interface NotFoundRoute {
  name: "notFound";
  path: string;
}

/**
 * Filled in by the shell (declaration merging: `interface RouteRegister { routes: … }`) with the
 * union of every feature's routes, so this generic router still types links precisely.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by module augmentation (shell/routes.ts registers the features' routes)
export interface RouteRegister {}

export type Route = (RouteRegister extends { routes: infer R extends { name: string } } ? R : never) | NotFoundRoute;

/** The app's routes, built once from the features' definitions. */
export interface RouteTable {
  parse(pathname: string): Route;
  pathOf(route: Route): string;
  rolesFor(name: Route["name"]): readonly Role[];
  mayOpen(role: Role, name: Route["name"]): boolean;
  /** Rendered without logging in, and never redirected to the login page. */
  isPublic(route: Route): boolean;
}

// Ids are UUIDs; anything else in that place is not one of our pages.
const ID = "[0-9a-fA-F-]{8,64}";
const PARAM = /:([A-Za-z]\w*)/g;

interface CompiledRoute {
  name: string;
  definition: RouteDefinition;
  params: string[];
  pattern: RegExp | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compile(name: string, definition: RouteDefinition): CompiledRoute {
  const params = [...definition.path.matchAll(PARAM)].map((match) => match[1] ?? "");
  for (const param of Object.keys(definition.params ?? {})) {
    if (!params.includes(param)) throw new Error(`route ${name}: no :${param} in ${definition.path}`);
  }
  if (params.length === 0) return { name, definition, params, pattern: null };
  const source = definition.path
    .split(PARAM)
    .map((part, index) => (index % 2 === 1 ? `(${definition.params?.[part] ?? ID})` : escapeRegExp(part)))
    .join("");
  return { name, definition, params, pattern: new RegExp(`^${source}$`) };
}

/** One table over all features' routes. Names and addresses must be unique. */
export function routeTable(sources: readonly RouteDefinitions[]): RouteTable {
  const byName = new Map<string, CompiledRoute>();
  const byPath = new Map<string, CompiledRoute>();
  const withParams: CompiledRoute[] = [];
  for (const definitions of sources) {
    for (const [name, definition] of Object.entries(definitions)) {
      if (byName.has(name) || name === "notFound") throw new Error(`route name ${name} is declared twice`);
      const compiled = compile(name, definition);
      byName.set(name, compiled);
      if (compiled.pattern) withParams.push(compiled);
      else if (byPath.has(definition.path)) throw new Error(`route path ${definition.path} is declared twice`);
      else byPath.set(definition.path, compiled);
    }
  }

  const parse = (pathname: string): Route => {
    // Tolerate a trailing slash: "/inloggen/" is "/inloggen".
    const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
    // Fixed addresses win over patterns ("/contacten/nieuw" is not a contact id).
    const fixed = byPath.get(path);
    if (fixed) return { name: fixed.name } as Route;
    for (const route of withParams) {
      const match = route.pattern?.exec(path);
      if (!match) continue;
      const params = Object.fromEntries(route.params.map((param, index) => [param, match[index + 1] ?? ""]));
      return { name: route.name, ...params } as Route;
    }
    return { name: "notFound", path };
  };

  const pathOf = (route: Route): string => {
    if (route.name === "notFound") return (route as NotFoundRoute).path;
    const compiled = byName.get(route.name);
    if (!compiled) throw new Error(`unknown route ${route.name}`);
    const values = route as unknown as Record<string, string>;
    return compiled.definition.path.replace(PARAM, (_whole, param: string) => values[param] ?? "");
  };

  const rolesFor = (name: Route["name"]): readonly Role[] => {
    const roles = byName.get(name)?.definition.roles;
    // Not found is for everyone: the page says so, whoever asks.
    if (roles === undefined || roles === "public") return EVERYONE;
    return roles;
  };

  return {
    parse,
    pathOf,
    rolesFor,
    mayOpen: (role, name) => rolesFor(name).includes(role),
    isPublic: (route) => byName.get(route.name)?.definition.roles === "public",
  };
}

export interface NavigateOptions {
  /** Replace the history entry (redirects) instead of adding one. */
  replace?: boolean;
}

interface RouterContextValue {
  route: Route;
  navigate: (to: Route, options?: NavigateOptions) => void;
  routes: RouteTable;
  /**
   * The first page heading rendered in this document. Later headings take
   * focus so screen-reader and keyboard users notice the page changed; the
   * first one does not, because on page load focus belongs at the top of the
   * document. (An element, not a flag, so React StrictMode's double effect run
   * does not count as a page change.)
   */
  initialHeading: RefObject<HTMLElement | null>;
}

const RouterContext = createContext<RouterContextValue | null>(null);

export function RouterProvider({ routes, children }: { routes: RouteTable; children: ReactNode }) {
  const [route, setRoute] = useState<Route>(() => routes.parse(window.location.pathname));
  const initialHeading = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const onPopState = () => setRoute(routes.parse(window.location.pathname));
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, [routes]);

  const navigate = useCallback(
    (to: Route, { replace = false }: NavigateOptions = {}) => {
      const path = routes.pathOf(to);
      if (path !== window.location.pathname) {
        if (replace) window.history.replaceState(null, "", path);
        else window.history.pushState(null, "", path);
      }
      setRoute(to);
    },
    [routes],
  );

  const value = useMemo(() => ({ route, navigate, routes, initialHeading }), [route, navigate, routes]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterContextValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error("useRouter must be used inside <RouterProvider>");
  return value;
}

/** Whether a role may open a route (for showing a link or a section only to those who can use it). */
export function useMayOpen(): RouteTable["mayOpen"] {
  return useRouter().routes.mayOpen;
}

/** A real link (works with middle-click, copy link, etc.) that navigates in-app on a plain click. */
export function RouteLink({ to, onClick, ...props }: Omit<LinkProps, "href"> & { to: Route }) {
  const { navigate, routes } = useRouter();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <Link {...props} href={routes.pathOf(to)} onClick={handleClick} />;
}
