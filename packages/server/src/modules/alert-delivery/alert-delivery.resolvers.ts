import type { Resolvers } from "../../generated/graphql.js";
import { receiptsOf } from "./alert-delivery.loaders.js";

export const alertDeliveryResolvers: Resolvers = {
  Query: {
    pushSettings: (_p, _a, ctx) => ctx.services.alertDelivery.pushSettings(ctx.viewer),
    myPushDevices: (_p, _a, ctx) => ctx.services.alertDelivery.myDevices(ctx.viewer),
    myNotificationRules: (_p, _a, ctx) => ctx.services.alertDelivery.myRules(ctx.viewer),
  },
  Mutation: {
    registerPushDevice: (_p, { input }, ctx) => ctx.services.alertDelivery.registerDevice(ctx.viewer, input, ctx.requestId),
    revokePushDevice: (_p, { id }, ctx) => ctx.services.alertDelivery.revokeDevice(ctx.viewer, id, ctx.requestId),
    updateNotificationRules: (_p, { input }, ctx) => ctx.services.alertDelivery.updateRules(ctx.viewer, input, ctx.requestId),
    markAlertSeen: (_p, { alertId, channel, dedupeKey }, ctx) =>
      ctx.services.alertDelivery.markSeen(ctx.viewer, alertId, channel, dedupeKey),
  },
  // Whoever resolved the Alert may see it (the signal module authorised it): its receipts go with it.
  Alert: {
    receipts: async (alert, _a, ctx) => receiptsOf(alert, await ctx.loaders.alertDeliveries.load(alert.id)),
  },
};
