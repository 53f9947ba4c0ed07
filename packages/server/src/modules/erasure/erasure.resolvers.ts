import type { Resolvers } from "../../generated/graphql.js";

export const erasureResolvers: Resolvers = {
  Query: {
    userDataExport: (_p, { id }, ctx) => ctx.services.erasure.userDataExport(ctx.viewer, id, ctx.requestId),
  },
  Mutation: {
    eraseUser: (_p, { id }, ctx) => ctx.services.erasure.eraseUser(ctx.viewer, id, ctx.requestId),
  },
  User: {
    erased: (u) => u.erasedAt !== null,
  },
};
