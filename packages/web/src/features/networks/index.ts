import type { WebFeature } from "../../shell/web-feature";
import { networkPages, networkRoutes } from "./routes";

export const networks: WebFeature<typeof networkRoutes> = {
  name: "networks",
  routes: networkRoutes,
  pages: networkPages,
  nav: [{ route: { name: "networks" }, label: "nav.networks", section: ["networks", "network"] }],
};
