import type { Resolvers } from "../../generated/graphql.js";

export const algorithmResolvers: Resolvers = {
  Query: {
    algorithmSettings: (_p, _a, ctx) => [...ctx.services.algorithms.listSettings(ctx.viewer)],
  },
};
