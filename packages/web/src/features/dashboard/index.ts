import type { WebFeature } from "../../kit/web-feature";
import { en } from "./messages.en";
import { nl } from "./messages.nl";
import { dashboardPages, dashboardRoutes } from "./routes";

/** Network health per district; other features add sections below it (`dashboardSections`). */
export const dashboard: WebFeature<typeof dashboardRoutes, typeof nl> = {
  name: "dashboard",
  routes: dashboardRoutes,
  pages: dashboardPages,
  messages: { nl, en },
  nav: [{ route: { name: "dashboard" }, label: "nav.dashboard", section: ["dashboard"] }],
};
