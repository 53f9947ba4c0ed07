import { defineRoutes } from "../../kit/router";
import { STAFF } from "../../kit/roles";
import type { Pages } from "../../kit/web-feature";
import { NetworkPage } from "./network-page";
import { NetworksPage } from "./networks-page";

export const networkRoutes = defineRoutes({
  networks: { path: "/netwerken", roles: ["COORDINATOR", "ADMIN", "POLICE_LIAISON"] },
  // Members are for coordinators and admins only (the server answers FORBIDDEN otherwise).
  network: { path: "/netwerken/:id", roles: STAFF },
});

export const networkPages: Pages<typeof networkRoutes> = {
  networks: (_route, viewer) => <NetworksPage viewer={viewer} />,
  network: ({ id }) => <NetworkPage id={id} />,
};
