import { defineRoutes } from "../../kit/router";
import { EVERYONE } from "../../kit/roles";
import type { Pages } from "../../kit/web-feature";
import { HomePage } from "./home-page";

export const homeRoutes = defineRoutes({
  home: { path: "/", roles: EVERYONE },
});

export const homePages: Pages<typeof homeRoutes> = {
  home: (_route, viewer) => <HomePage viewer={viewer} />,
};
