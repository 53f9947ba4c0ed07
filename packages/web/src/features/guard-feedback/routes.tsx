import { defineRoutes } from "../../kit/router";
import type { Pages } from "../../kit/web-feature";
import { GuardReviewPage } from "./guard-review-page";

export const guardFeedbackRoutes = defineRoutes({
  guardReview: { path: "/woordcontrole", roles: ["COORDINATOR"] },
});

export const guardFeedbackPages: Pages<typeof guardFeedbackRoutes> = {
  guardReview: () => <GuardReviewPage />,
};
