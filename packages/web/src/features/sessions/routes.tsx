import { defineRoutes } from "../../kit/router";
import { STAFF } from "../../kit/roles";
import type { Pages } from "../../kit/web-feature";
import { RsvpPage } from "./rsvp-page";
import { SessionEditPage, SessionNewPage } from "./session-form-pages";
import { SessionPage } from "./session-page";
import { SessionsPage } from "./sessions-page";

/** Invitations and registrations are for coordinators and admins (liaisons: FORBIDDEN). */
export const sessionRoutes = defineRoutes({
  sessions: { path: "/bijeenkomsten", roles: STAFF },
  sessionNew: { path: "/bijeenkomsten/nieuw", roles: STAFF },
  session: { path: "/bijeenkomsten/:id", roles: STAFF },
  sessionEdit: { path: "/bijeenkomsten/:id/bewerken", roles: STAFF },
  // Public: invitees open their personal link without an account. Tokens are "wki_" + base64url;
  // anything else still opens the page, which then says the link is not valid (a clear message
  // beats "page not found" for a mangled link).
  rsvp: { path: "/rsvp/:token", roles: "public", params: { token: "[A-Za-z0-9_-]{1,200}" } },
});

export const sessionPages: Pages<typeof sessionRoutes> = {
  sessions: () => <SessionsPage />,
  sessionNew: () => <SessionNewPage />,
  session: ({ id }) => <SessionPage id={id} />,
  sessionEdit: ({ id }) => <SessionEditPage id={id} />,
  rsvp: ({ token }) => <RsvpPage token={token} />,
};
