import type { WebFeature } from "../../kit/web-feature";
import "./sessions.css";
import { en } from "./messages.en";
import { nl } from "./messages.nl";
import { sessionPages, sessionRoutes } from "./routes";
import { UpcomingSessions } from "./sessions-page";

/** Theme sessions for coordinators, and the public RSVP page of an invitation link. */
export const sessions: WebFeature<typeof sessionRoutes, typeof nl> = {
  name: "sessions",
  routes: sessionRoutes,
  pages: sessionPages,
  messages: { nl, en },
  nav: [{ route: { name: "sessions" }, label: "nav.sessions", section: ["sessions", "sessionNew", "session", "sessionEdit"] }],
  dashboardSections: [{ route: "sessions", Component: UpcomingSessions }],
  typePolicies: {
    // Counts have no id; keyed by session so the live subscription updates the detail page
    // and the list through the cache.
    SessionCounts: { keyFields: ["sessionId"] },
  },
};
