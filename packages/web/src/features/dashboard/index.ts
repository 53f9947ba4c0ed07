import type { WebFeature } from "../../shell/web-feature";
import { dashboardPages, dashboardRoutes } from "./routes";

/** Network health per district; other features add sections below it (`dashboardSections`). */
export const dashboard: WebFeature<typeof dashboardRoutes> = {
  name: "dashboard",
  routes: dashboardRoutes,
  pages: dashboardPages,
  nav: [{ route: { name: "dashboard" }, label: "nav.dashboard", section: ["dashboard"] }],
};
