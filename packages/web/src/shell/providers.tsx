import type { ApolloClient } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import type { ReactNode } from "react";
import { I18nProvider } from "../i18n/i18n-provider";
import { RouterProvider } from "../kit/router";
import { ServicesProvider, type AppServices } from "../lib/services";

/** Everything a screen may rely on, in one place (tests use the same stack with MockedProvider). */
export function AppProviders({
  services,
  apollo,
  children,
}: {
  services: AppServices;
  apollo: ApolloClient;
  children: ReactNode;
}) {
  return (
    <ApolloProvider client={apollo}>
      <ServicesProvider services={services}>
        <I18nProvider>
          <RouterProvider>{children}</RouterProvider>
        </I18nProvider>
      </ServicesProvider>
    </ApolloProvider>
  );
}
