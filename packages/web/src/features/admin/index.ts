import type { WebFeature } from "../../kit/web-feature";
import { en } from "./messages.en";
import { nl } from "./messages.nl";
import { adminPages, adminRoutes } from "./routes";

/** User administration for admins: list, invite, change role and districts (backups), block. */
export const admin: WebFeature<typeof adminRoutes, typeof nl> = {
  name: "admin",
  routes: adminRoutes,
  pages: adminPages,
  messages: { nl, en },
  nav: [{ route: { name: "users" }, label: "nav.users", section: ["users", "userNew", "user"] }],
};
