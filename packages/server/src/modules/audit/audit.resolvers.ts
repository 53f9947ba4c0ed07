import type { Resolvers } from "../../generated/graphql.js";

export const auditResolvers: Resolvers = {
  Query: {
    auditLog: (_p, { filter, first, after }, ctx) => ctx.services.audit.search(ctx.viewer, filter, first, after, ctx.requestId),
  },
  AuditEntry: {
    id: (e) => String(e.id),
    actor: (e, _a, ctx) => (e.actorId ? ctx.loaders.user.load(e.actorId) : null),
    details: (e) => (e.details === null || e.details === undefined ? null : JSON.stringify(e.details)),
  },
};
