import type { WebFeature } from "../../shell/web-feature";
import { authPages, authRoutes } from "./routes";

/** Login and logout; the shell's login guard and header use its pieces directly. */
export const auth: WebFeature<typeof authRoutes> = {
  name: "auth",
  routes: authRoutes,
  pages: authPages,
};
