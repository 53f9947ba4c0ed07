/**
 * A deliberately small router on the History API: a typed list of routes, a
 * `navigate` function and a link component. Add a route by extending `Route`,
 * `parsePath` and `pathOf`; TypeScript then points at every switch to update.
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
// ── sessions ──
import { parseSessionPath, sessionPathOf, isSessionRoute, type SessionRoute } from "../features/sessions/routes";

export type Route =
  | { name: "home" }
  | { name: "login" }
  | { name: "dashboard" }
  | { name: "contacts" }
  | { name: "contact"; id: string }
  | { name: "contactEdit"; id: string }
  | { name: "contactNew" }
  | { name: "contactImport" }
  | { name: "organisations" }
  | { name: "organisationNew" }
  | { name: "organisationEdit"; id: string }
  | { name: "networks" }
  | { name: "network"; id: string }
  | { name: "myProfile" }
  | { name: "notFound"; path: string }
  // ── sessions ──
  | SessionRoute
  // ── signals ──
  | { name: "alerts" }
  | { name: "signals" }
  | { name: "signal"; id: string }
  | { name: "signalReport" };

// Ids are UUIDs; anything else in that place is not one of our pages.
const ID = "([0-9a-fA-F-]{8,64})";
const PATTERNS: Array<[RegExp, (id: string) => Route]> = [
  [new RegExp(`^/contacten/${ID}$`), (id) => ({ name: "contact", id })],
  [new RegExp(`^/contacten/${ID}/bewerken$`), (id) => ({ name: "contactEdit", id })],
  [new RegExp(`^/netwerken/${ID}$`), (id) => ({ name: "network", id })],
  [new RegExp(`^/organisaties/${ID}/bewerken$`), (id) => ({ name: "organisationEdit", id })],
  // ── signals ──
  [new RegExp(`^/signalen/${ID}$`), (id) => ({ name: "signal", id })],
];

export function parsePath(pathname: string): Route {
  // Tolerate a trailing slash: "/inloggen/" is "/inloggen".
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  switch (path) {
    case "/":
      return { name: "home" };
    case "/inloggen":
      return { name: "login" };
    case "/dashboard":
      return { name: "dashboard" };
    case "/contacten":
      return { name: "contacts" };
    case "/contacten/nieuw":
      return { name: "contactNew" };
    case "/contacten/importeren":
      return { name: "contactImport" };
    case "/organisaties":
      return { name: "organisations" };
    case "/organisaties/nieuw":
      return { name: "organisationNew" };
    case "/netwerken":
      return { name: "networks" };
    case "/mijn-profiel":
      return { name: "myProfile" };
    // ── signals ──
    case "/meldingen":
      return { name: "alerts" };
    case "/signalen":
      return { name: "signals" };
    case "/signalen/melden":
      return { name: "signalReport" };
  }
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(path);
    if (match?.[1]) return build(match[1]);
  }
  // ── sessions ──
  const sessionRoute = parseSessionPath(path);
  if (sessionRoute) return sessionRoute;
  return { name: "notFound", path };
}

export function pathOf(route: Route): string {
  // ── sessions ──
  if (isSessionRoute(route)) return sessionPathOf(route);
  switch (route.name) {
    case "home":
      return "/";
    case "login":
      return "/inloggen";
    case "dashboard":
      return "/dashboard";
    case "contacts":
      return "/contacten";
    case "contact":
      return `/contacten/${route.id}`;
    case "contactEdit":
      return `/contacten/${route.id}/bewerken`;
    case "contactNew":
      return "/contacten/nieuw";
    case "contactImport":
      return "/contacten/importeren";
    case "organisations":
      return "/organisaties";
    case "organisationNew":
      return "/organisaties/nieuw";
    case "organisationEdit":
      return `/organisaties/${route.id}/bewerken`;
    case "networks":
      return "/netwerken";
    case "network":
      return `/netwerken/${route.id}`;
    case "myProfile":
      return "/mijn-profiel";
    case "notFound":
      return route.path;
    // ── signals ──
    case "alerts":
      return "/meldingen";
    case "signals":
      return "/signalen";
    case "signal":
      return `/signalen/${route.id}`;
    case "signalReport":
      return "/signalen/melden";
  }
}

export interface NavigateOptions {
  /** Replace the history entry (redirects) instead of adding one. */
  replace?: boolean;
}

interface RouterContextValue {
  route: Route;
  navigate: (to: Route, options?: NavigateOptions) => void;
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

export function RouterProvider({ children }: { children: ReactNode }) {
  const [route, setRoute] = useState<Route>(() => parsePath(window.location.pathname));
  const initialHeading = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const onPopState = () => setRoute(parsePath(window.location.pathname));
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  const navigate = useCallback((to: Route, { replace = false }: NavigateOptions = {}) => {
    const path = pathOf(to);
    if (path !== window.location.pathname) {
      if (replace) window.history.replaceState(null, "", path);
      else window.history.pushState(null, "", path);
    }
    setRoute(to);
  }, []);

  const value = useMemo(() => ({ route, navigate, initialHeading }), [route, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterContextValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error("useRouter must be used inside <RouterProvider>");
  return value;
}

/** A real link (works with middle-click, copy link, etc.) that navigates in-app on a plain click. */
export function RouteLink({ to, onClick, ...props }: Omit<LinkProps, "href"> & { to: Route }) {
  const { navigate } = useRouter();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    navigate(to);
  };
  return <Link {...props} href={pathOf(to)} onClick={handleClick} />;
}
