import { defineRoutes } from "../../kit/router";
import { STAFF } from "../../kit/roles";
import type { Pages } from "../../kit/web-feature";
import { OrganisationEditPage, OrganisationNewPage } from "./organisation-pages";
import { OrganisationsPage } from "./organisations-page";

export const organisationRoutes = defineRoutes({
  organisations: { path: "/organisaties", roles: STAFF },
  organisationNew: { path: "/organisaties/nieuw", roles: STAFF },
  organisationEdit: { path: "/organisaties/:id/bewerken", roles: STAFF },
});

export const organisationPages: Pages<typeof organisationRoutes> = {
  organisations: () => <OrganisationsPage />,
  organisationNew: () => <OrganisationNewPage />,
  organisationEdit: ({ id }) => <OrganisationEditPage id={id} />,
};
