import type { WebFeature } from "../../kit/web-feature";
import { en } from "./messages.en";
import { nl } from "./messages.nl";
import { homePages, homeRoutes } from "./routes";

export const home: WebFeature<typeof homeRoutes, typeof nl> = {
  name: "home",
  routes: homeRoutes,
  pages: homePages,
  messages: { nl, en },
  nav: [{ route: { name: "home" }, label: "nav.home", section: ["home"] }],
};
