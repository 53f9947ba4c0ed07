import type { Resolvers } from "../../generated/graphql.js";

export const monitoringResolvers: Resolvers = {
  Query: {
    monitoring: (_p, args, ctx) => ctx.services.monitoring.report(ctx.viewer, args, ctx.loaders),
    monitoringXlsx: (_p, args, ctx) => ctx.services.monitoring.exportXlsx(ctx.viewer, args, ctx.loaders),
  },
  MonitoringReport: {
    district: (r, _a, ctx) => (r.districtId ? ctx.loaders.district.load(r.districtId) : null),
  },
};
