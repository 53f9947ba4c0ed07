import type { WebFeature } from "../../kit/web-feature";
import { en } from "./messages.en";
import { nl } from "./messages.nl";
import { profilePages, profileRoutes } from "./routes";

/** The ally's "Mijn profiel". */
export const profile: WebFeature<typeof profileRoutes, typeof nl> = {
  name: "profile",
  routes: profileRoutes,
  pages: profilePages,
  messages: { nl, en },
  nav: [{ route: { name: "myProfile" }, label: "nav.myProfile", section: ["myProfile"] }],
};
