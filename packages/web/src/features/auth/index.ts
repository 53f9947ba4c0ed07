import type { WebFeature } from "../../kit/web-feature";
import { en } from "./messages.en";
import { nl } from "./messages.nl";
import { authPages, authRoutes } from "./routes";

/** Login and logout; the shell's login guard and header use its pieces directly. */
export const auth: WebFeature<typeof authRoutes, typeof nl> = {
  name: "auth",
  routes: authRoutes,
  pages: authPages,
  messages: { nl, en },
};
