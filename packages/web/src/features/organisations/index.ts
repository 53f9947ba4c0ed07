import type { WebFeature } from "../../kit/web-feature";
import { en } from "./messages.en";
import { nl } from "./messages.nl";
import { organisationPages, organisationRoutes } from "./routes";

export const organisations: WebFeature<typeof organisationRoutes, typeof nl> = {
  name: "organisations",
  routes: organisationRoutes,
  pages: organisationPages,
  messages: { nl, en },
  nav: [
    {
      route: { name: "organisations" },
      label: "nav.organisations",
      section: ["organisations", "organisationNew", "organisationEdit"],
    },
  ],
};
