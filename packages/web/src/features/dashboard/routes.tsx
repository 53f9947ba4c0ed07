import { defineRoutes } from "../../kit/router";
import type { Pages } from "../../kit/web-feature";
import { DashboardPage } from "./dashboard-page";

export const dashboardRoutes = defineRoutes({
  // Liaisons get their own districts' numbers (the server checks the district); never contact lists.
  dashboard: { path: "/dashboard", roles: ["COORDINATOR", "ADMIN", "POLICE_LIAISON"] },
});

export const dashboardPages: Pages<typeof dashboardRoutes> = {
  dashboard: (_route, viewer) => <DashboardPage viewer={viewer} />,
};
