import type { WebFeature } from "../../kit/web-feature";
import "./signals.css";
import { en } from "./messages.en";
import { nl } from "./messages.nl";
import { signalPages, signalRoutes } from "./routes";

/** Live alerts, the coordinator's signal inbox and triage, and the report-a-tension form. */
export const signals: WebFeature<typeof signalRoutes, typeof nl> = {
  name: "signals",
  routes: signalRoutes,
  pages: signalPages,
  messages: { nl, en },
  nav: [
    { route: { name: "alerts" }, label: "nav.alerts", section: ["alerts"] },
    { route: { name: "signals" }, label: "nav.signals", section: ["signals", "signal"] },
    { route: { name: "signalReport" }, label: "nav.reportSignal", section: ["signalReport"] },
  ],
  // The live alert console is the police liaison's main page.
  home: { roles: ["POLICE_LIAISON"], route: { name: "alerts" } },
};
