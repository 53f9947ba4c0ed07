import { defineRoutes } from "../../kit/router";
import type { Pages } from "../../kit/web-feature";
import { MonitoringPage } from "./monitoring-page";

export const monitoringRoutes = defineRoutes({
  // Liaisons: their own districts, whole ended quarters (the server enforces it).
  monitoring: { path: "/monitoring", roles: ["COORDINATOR", "ADMIN", "POLICE_LIAISON"] },
});

export const monitoringPages: Pages<typeof monitoringRoutes> = {
  monitoring: (_route, viewer) => <MonitoringPage viewer={viewer} />,
};
