import { defineRoutes } from "../../kit/router";
import type { Pages } from "../../kit/web-feature";
import { HowItWorksPage } from "./how-it-works-page";

export const transparencyRoutes = defineRoutes({
  // Public: anyone (a resident, a journalist) reads how the rules work, without an account.
  howItWorks: { path: "/hoe-werkt-wijknet", roles: "public" },
});

export const transparencyPages: Pages<typeof transparencyRoutes> = {
  howItWorks: () => <HowItWorksPage />,
};
