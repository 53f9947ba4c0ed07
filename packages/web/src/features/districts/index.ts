import type { WebFeature } from "../../shell/web-feature";

/** The municipality's districts: a table and a hook other features use; no pages of its own. */
export const districts: WebFeature<{}> = {
  name: "districts",
  routes: {},
  pages: {},
};
