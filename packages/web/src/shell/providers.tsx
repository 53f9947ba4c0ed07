import type { ApolloClient } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import type { ReactNode } from "react";
import { DashboardSectionsProvider } from "../features/dashboard/dashboard-sections";
import { catalogues } from "./catalogue";
import { I18nProvider } from "../i18n/i18n-provider";
import type { Language } from "../i18n/messages";
import { RouterProvider } from "../kit/router";
import { ServicesProvider, type AppServices } from "../lib/services";
import { dashboardSections } from "./contributions";
import { appRoutes } from "./routes";

/** Everything a screen may rely on, in one place. */
export function AppProviders({ services, apollo, children }: { services: AppServices; apollo: ApolloClient; children: ReactNode }) {
  return (
    <ApolloProvider client={apollo}>
      <ShellProviders services={services}>{children}</ShellProviders>
    </ApolloProvider>
  );
}

/** All but Apollo: tests put these inside Apollo's MockedProvider. */
export function ShellProviders({
  services,
  initialLanguage,
  children,
}: {
  services: AppServices;
  initialLanguage?: Language;
  children: ReactNode;
}) {
  return (
    <ServicesProvider services={services}>
      <I18nProvider catalogues={catalogues} initialLanguage={initialLanguage}>
        <RouterProvider routes={appRoutes}>
          <DashboardSectionsProvider sections={dashboardSections}>{children}</DashboardSectionsProvider>
        </RouterProvider>
      </I18nProvider>
    </ServicesProvider>
  );
}
