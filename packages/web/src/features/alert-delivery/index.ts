import type { WebFeature } from "../../kit/web-feature";
import { en } from "./messages.en";
import { nl } from "./messages.nl";
import { alertDeliveryPages, alertDeliveryRoutes } from "./routes";

/** Alerts beyond the open console: "Meldingen op dit apparaat" (Web Push) and delivery receipts. */
export const alertDelivery: WebFeature<typeof alertDeliveryRoutes, typeof nl> = {
  name: "alert-delivery",
  routes: alertDeliveryRoutes,
  pages: alertDeliveryPages,
  messages: { nl, en },
};
