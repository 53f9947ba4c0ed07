import type { WebFeature } from "../../kit/web-feature";
import { en } from "./messages.en";
import { nl } from "./messages.nl";
import { networkPages, networkRoutes } from "./routes";

export const networks: WebFeature<typeof networkRoutes, typeof nl> = {
  name: "networks",
  routes: networkRoutes,
  pages: networkPages,
  messages: { nl, en },
  nav: [{ route: { name: "networks" }, label: "nav.networks", section: ["networks", "network"] }],
};
