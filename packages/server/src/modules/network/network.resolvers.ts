import type { Resolvers } from "../../generated/graphql.js";
import type { Context } from "../../kernel/context.js";
import { notFound } from "../../core/errors.js";
import type { NetworkLoaders } from "./network.service.js";

function loadersOf(ctx: Context): NetworkLoaders {
  return {
    network: (id) => ctx.loaders.network.load(id),
    district: (id) => ctx.loaders.district.load(id),
    contact: (id) => ctx.loaders.contact.load(id),
    membership: (id) => ctx.loaders.membership.load(id),
    municipality: (id) => ctx.loaders.municipality.load(id),
  };
}

export const networkResolvers: Resolvers = {
  Query: {
    networks: (_p, { filter }, ctx) => ctx.services.networks.list(ctx.viewer, filter ?? null),
    network: (_p, { id }, ctx) => ctx.services.networks.get(ctx.viewer, id, loadersOf(ctx)),
    networkHealth: (_p, { districtId, from, to }, ctx) => ctx.services.networks.health(ctx.viewer, districtId, from, to, loadersOf(ctx)),
  },
  Mutation: {
    createNetwork: (_p, { input }, ctx) => ctx.services.networks.create(ctx.viewer, input, ctx.requestId, loadersOf(ctx)),
    updateNetwork: (_p, { id, input }, ctx) => ctx.services.networks.update(ctx.viewer, id, input, ctx.requestId, loadersOf(ctx)),
    archiveNetwork: (_p, { id }, ctx) => ctx.services.networks.archive(ctx.viewer, id, ctx.requestId, loadersOf(ctx)),
    addNetworkMember: (_p, { input }, ctx) => ctx.services.networks.addMember(ctx.viewer, input, ctx.requestId, loadersOf(ctx)),
    changeMembershipRole: (_p, { id, role }, ctx) => ctx.services.networks.changeRole(ctx.viewer, id, role, ctx.requestId, loadersOf(ctx)),
    endMembership: (_p, { id, until }, ctx) => ctx.services.networks.endMembership(ctx.viewer, id, until, ctx.requestId, loadersOf(ctx)),
  },
  Network: {
    district: (network, _a, ctx) => (network.districtId ? ctx.loaders.district.load(network.districtId) : null),
    memberCount: (network, _a, ctx) => ctx.loaders.networkMemberCount.load(network.id),
    members: async (network, { includeEnded }, ctx) => {
      ctx.services.networks.assertMayListMembers(ctx.viewer, network);
      const all = await ctx.loaders.membershipsOfNetwork.load(network.id);
      return includeEnded ? all : all.filter((m) => m.until === null);
    },
  },
  NetworkMembership: {
    network: async (m, _a, ctx) => (await ctx.loaders.network.load(m.networkId)) ?? Promise.reject(notFound("Network")),
    contact: async (m, _a, ctx) => (await ctx.loaders.contact.load(m.contactId)) ?? Promise.reject(notFound("Contact")),
  },
  NetworkHealth: {
    district: async (h, _a, ctx) => (await ctx.loaders.district.load(h.districtId)) ?? Promise.reject(notFound("District")),
  },
};
