/**
 * The sessions feature's routes, kept here so the shared router only appends one block.
 * `/rsvp/<token>` is public: invitees open their personal link without an account.
 */
export type SessionRoute =
  | { name: "sessions" }
  | { name: "sessionNew" }
  | { name: "session"; id: string }
  | { name: "sessionEdit"; id: string }
  | { name: "rsvp"; token: string };

const SESSION_ID = "([0-9a-fA-F-]{8,64})";
// Tokens are "wki_" + base64url; anything else still opens the page, which then says the
// link is not valid (a clear message beats "page not found" for a mangled link).
const TOKEN = "([A-Za-z0-9_-]{1,200})";

const PATTERNS: Array<[RegExp, (value: string) => SessionRoute]> = [
  [new RegExp(`^/bijeenkomsten/${SESSION_ID}$`), (id) => ({ name: "session", id })],
  [new RegExp(`^/bijeenkomsten/${SESSION_ID}/bewerken$`), (id) => ({ name: "sessionEdit", id })],
  [new RegExp(`^/rsvp/${TOKEN}$`), (token) => ({ name: "rsvp", token })],
];

export function parseSessionPath(path: string): SessionRoute | null {
  if (path === "/bijeenkomsten") return { name: "sessions" };
  if (path === "/bijeenkomsten/nieuw") return { name: "sessionNew" };
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(path);
    if (match?.[1]) return build(match[1]);
  }
  return null;
}

export function sessionPathOf(route: SessionRoute): string {
  switch (route.name) {
    case "sessions":
      return "/bijeenkomsten";
    case "sessionNew":
      return "/bijeenkomsten/nieuw";
    case "session":
      return `/bijeenkomsten/${route.id}`;
    case "sessionEdit":
      return `/bijeenkomsten/${route.id}/bewerken`;
    case "rsvp":
      return `/rsvp/${route.token}`;
  }
}

const SESSION_ROUTE_NAMES: ReadonlySet<string> = new Set(["sessions", "sessionNew", "session", "sessionEdit", "rsvp"]);

export function isSessionRoute(route: { name: string }): route is SessionRoute {
  return SESSION_ROUTE_NAMES.has(route.name);
}

/** Routes that render without logging in (and never redirect to the login page). */
export function isPublicRoute(route: { name: string }): route is { name: "rsvp"; token: string } {
  return route.name === "rsvp";
}
