import { defineRoutes } from "../../kit/router";
import type { Pages } from "../../kit/web-feature";

/** No pages of its own: its sections live on the account page and the signal page. */
export const alertDeliveryRoutes = defineRoutes({});
export const alertDeliveryPages: Pages<typeof alertDeliveryRoutes> = {};
