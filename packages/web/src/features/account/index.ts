import type { WebFeature } from "../../kit/web-feature";
import { en } from "./messages.en";
import { nl } from "./messages.nl";
import { accountPages, accountRoutes } from "./routes";

/** One's own account (password, language, sessions), set-password links and "wachtwoord vergeten". */
export const account: WebFeature<typeof accountRoutes, typeof nl> = {
  name: "account",
  routes: accountRoutes,
  pages: accountPages,
  messages: { nl, en },
  nav: [{ route: { name: "account" }, label: "nav.account", section: ["account"] }],
};
