import type { WebFeature } from "../../shell/web-feature";
import { organisationPages, organisationRoutes } from "./routes";

export const organisations: WebFeature<typeof organisationRoutes> = {
  name: "organisations",
  routes: organisationRoutes,
  pages: organisationPages,
  nav: [
    {
      route: { name: "organisations" },
      label: "nav.organisations",
      section: ["organisations", "organisationNew", "organisationEdit"],
    },
  ],
};
