import type { Resolvers } from "../../generated/graphql.js";

export const organisationResolvers: Resolvers = {
  Query: {
    organisations: (_p, { includeArchived }, ctx) => ctx.services.organisations.list(ctx.viewer, includeArchived ?? false),
  },
  Mutation: {
    createOrganisation: (_p, { input }, ctx) => ctx.services.organisations.create(ctx.viewer, input, ctx.requestId),
    updateOrganisation: (_p, { id, input }, ctx) =>
      ctx.services.organisations.update(ctx.viewer, id, input, ctx.requestId, (i) => ctx.loaders.organisation.load(i)),
    archiveOrganisation: (_p, { id }, ctx) =>
      ctx.services.organisations.archive(ctx.viewer, id, ctx.requestId, (i) => ctx.loaders.organisation.load(i)),
  },
  Organisation: {
    contactCount: (org, _a, ctx) => ctx.loaders.organisationContactCount.load(org.id),
  },
};
