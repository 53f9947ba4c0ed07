import type { Resolvers } from "../../generated/graphql.js";
import { notFound } from "../../core/errors.js";

export const authResolvers: Resolvers = {
  Query: {
    viewer: (_p, _a, ctx) => (ctx.viewer ? ctx.loaders.user.load(ctx.viewer.userId) : null),
    twoFactorStatus: (_p, _a, ctx) => ctx.services.twoFactor.status(ctx.viewer),
  },
  Mutation: {
    login: (_p, { email, password }, ctx) => ctx.services.auth.login(email, password, ctx.requestId, ctx.clientAddress),
    logout: (_p, _a, ctx) => ctx.services.auth.logout(ctx.viewer, ctx.requestId),
    verifySecondFactor: (_p, { token, code }, ctx) => ctx.services.twoFactor.verifyLogin(token, code, ctx.requestId),
    beginTwoFactorEnrolment: (_p, _a, ctx) => ctx.services.twoFactor.begin(ctx.viewer),
    confirmTwoFactorEnrolment: (_p, { code }, ctx) => ctx.services.twoFactor.confirm(ctx.viewer, code, ctx.requestId),
    disableTwoFactor: (_p, { password }, ctx) => ctx.services.twoFactor.disable(ctx.viewer, password, ctx.requestId),
  },
  User: {
    districts: (user, _a, ctx) => ctx.loaders.districtsOfUser.load(user.id),
    municipality: async (user, _a, ctx) =>
      (await ctx.loaders.municipality.load(user.municipalityId)) ?? Promise.reject(notFound("Municipality")),
  },
};
