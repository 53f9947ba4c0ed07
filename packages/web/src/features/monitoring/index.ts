import type { WebFeature } from "../../kit/web-feature";
import "./monitoring.css";
import { en } from "./messages.en";
import { nl } from "./messages.nl";
import { monitoringPages, monitoringRoutes } from "./routes";

/** Figures over time per district and city-wide: charts, each with its table and CSV export. */
export const monitoring: WebFeature<typeof monitoringRoutes, typeof nl> = {
  name: "monitoring",
  routes: monitoringRoutes,
  pages: monitoringPages,
  messages: { nl, en },
  nav: [{ route: { name: "monitoring" }, label: "nav.monitoring", section: ["monitoring"] }],
};
