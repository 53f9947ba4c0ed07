import type { WebFeature } from "../../shell/web-feature";
import { homePages, homeRoutes } from "./routes";

export const home: WebFeature<typeof homeRoutes> = {
  name: "home",
  routes: homeRoutes,
  pages: homePages,
  nav: [{ route: { name: "home" }, label: "nav.home", section: ["home"] }],
};
