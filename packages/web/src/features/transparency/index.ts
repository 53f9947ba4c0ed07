import type { WebFeature } from "../../kit/web-feature";
import { en } from "./messages.en";
import { nl } from "./messages.nl";
import { transparencyPages, transparencyRoutes } from "./routes";

/** The public page "Hoe werkt wijknet?" (the algorithm register in plain language). */
export const transparency: WebFeature<typeof transparencyRoutes, typeof nl> = {
  name: "transparency",
  routes: transparencyRoutes,
  pages: transparencyPages,
  messages: { nl, en },
};
