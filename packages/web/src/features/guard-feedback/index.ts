import type { WebFeature } from "../../kit/web-feature";
import { en } from "./messages.en";
import { nl } from "./messages.nl";
import { guardFeedbackPages, guardFeedbackRoutes } from "./routes";

/** Feedback on the situation-text guard: "Klopt niet" (used by report forms) and the coordinator's review queue. */
export const guardFeedback: WebFeature<typeof guardFeedbackRoutes, typeof nl> = {
  name: "guard-feedback",
  routes: guardFeedbackRoutes,
  pages: guardFeedbackPages,
  messages: { nl, en },
  nav: [{ route: { name: "guardReview" }, label: "nav.guardReview", section: ["guardReview"] }],
};
