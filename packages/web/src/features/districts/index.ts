import type { WebFeature } from "../../kit/web-feature";
import { en } from "./messages.en";
import { nl } from "./messages.nl";

/** The municipality's districts: a table and a hook other features use; no pages of its own. */
export const districts: WebFeature<Record<never, never>, typeof nl> = {
  name: "districts",
  routes: {},
  pages: {},
  messages: { nl, en },
};
