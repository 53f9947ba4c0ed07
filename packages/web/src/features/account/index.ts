import type { WebFeature } from "../../kit/web-feature";
import { en } from "./messages.en";
import { nl } from "./messages.nl";
import { accountPages, accountRoutes } from "./routes";

/** One's own account (linked from the header's viewer summary, not the main menu) (password, language, sessions), set-password links and "wachtwoord vergeten". */
export const account: WebFeature<typeof accountRoutes, typeof nl> = {
  name: "account",
  routes: accountRoutes,
  pages: accountPages,
  messages: { nl, en },
};
