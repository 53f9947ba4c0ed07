import type { WebFeature } from "../../shell/web-feature";
import { profilePages, profileRoutes } from "./routes";

/** The ally's "Mijn profiel". */
export const profile: WebFeature<typeof profileRoutes> = {
  name: "profile",
  routes: profileRoutes,
  pages: profilePages,
  nav: [{ route: { name: "myProfile" }, label: "nav.myProfile", section: ["myProfile"] }],
};
