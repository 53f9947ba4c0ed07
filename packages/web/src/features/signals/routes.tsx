import { defineRoutes } from "../../kit/router";
import type { Pages } from "../../kit/web-feature";
import { AlertConsolePage } from "./alert-console-page";
import { ReportSignalPage } from "./report-signal-page";
import { SignalPage } from "./signal-page";
import { SignalsPage } from "./signals-page";

export const signalRoutes = defineRoutes({
  // Whoever gets alerts: liaisons (their main page) and coordinators.
  alerts: { path: "/meldingen", roles: ["POLICE_LIAISON", "COORDINATOR"] },
  // The inbox is the coordinator's; liaisons follow their alerts (admins get FORBIDDEN on signals).
  signals: { path: "/signalen", roles: ["COORDINATOR"] },
  signal: { path: "/signalen/:id", roles: ["COORDINATOR", "POLICE_LIAISON"] },
  signalReport: { path: "/signalen/melden", roles: ["ALLY", "COORDINATOR", "POLICE_LIAISON"] },
});

export const signalPages: Pages<typeof signalRoutes> = {
  alerts: (_route, viewer) => <AlertConsolePage viewer={viewer} />,
  signals: (_route, viewer) => <SignalsPage viewer={viewer} />,
  signal: ({ id }, viewer) => <SignalPage id={id} viewer={viewer} />,
  signalReport: (_route, viewer) => <ReportSignalPage viewer={viewer} />,
};
