import type { Resolvers } from "../../generated/graphql.js";

export const partnerResolvers: Resolvers = {
  Query: {
    partnerOrganisations: (_p, _a, ctx) => ctx.services.partners.list(ctx.viewer),
  },
  Mutation: {
    createPartnerOrganisation: (_p, { input }, ctx) => ctx.services.partners.create(ctx.viewer, input, ctx.requestId),
  },
  User: {
    // Which organisation a liaison works for is no secret among the municipality's accounts
    // (alert recipients show it); other municipalities never reach the User.
    partnerOrganisation: (u, _a, ctx) =>
      u.partnerOrganisationId && ctx.viewer?.municipalityId === u.municipalityId
        ? ctx.loaders.partnerOrganisation.load(u.partnerOrganisationId)
        : null,
  },
};
