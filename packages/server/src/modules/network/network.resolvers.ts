import type { Resolvers } from "../../generated/graphql.js";
import { notFound } from "../../core/errors.js";
import { countFor } from "../../core/disclosure.js";

export const networkResolvers: Resolvers = {
  Query: {
    networks: (_p, { filter }, ctx) => ctx.services.networks.list(ctx.viewer, filter ?? null),
    network: (_p, { id }, ctx) => ctx.services.networks.get(ctx.viewer, id, ctx.loaders),
    networkHealth: (_p, { districtId, from, to }, ctx) => ctx.services.networks.health(ctx.viewer, districtId, from, to, ctx.loaders),
  },
  Mutation: {
    createNetwork: (_p, { input }, ctx) => ctx.services.networks.create(ctx.viewer, input, ctx.requestId, ctx.loaders),
    updateNetwork: (_p, { id, input }, ctx) => ctx.services.networks.update(ctx.viewer, id, input, ctx.requestId, ctx.loaders),
    archiveNetwork: (_p, { id }, ctx) => ctx.services.networks.archive(ctx.viewer, id, ctx.requestId, ctx.loaders),
    addNetworkMember: (_p, { input }, ctx) => ctx.services.networks.addMember(ctx.viewer, input, ctx.requestId, ctx.loaders),
    changeMembershipRole: (_p, { id, role }, ctx) => ctx.services.networks.changeRole(ctx.viewer, id, role, ctx.requestId, ctx.loaders),
    endMembership: (_p, { id, until }, ctx) => ctx.services.networks.endMembership(ctx.viewer, id, until, ctx.requestId, ctx.loaders),
  },
  Network: {
    district: (network, _a, ctx) => (network.districtId ? ctx.loaders.district.load(network.districtId) : null),
    // Small counts point at people: hidden below 5 for anyone but coordinators and admins.
    memberCount: async (network, _a, ctx) => countFor(ctx.viewer!.role, await ctx.loaders.networkMemberCount.load(network.id)),
    members: async (network, { includeEnded }, ctx) => {
      ctx.services.networks.assertMayListMembers(ctx.viewer, network);
      const all = await ctx.loaders.membershipsOfNetwork.load(network.id);
      return includeEnded ? all : all.filter((m) => m.until === null);
    },
    memberPage: (network, args, ctx) => ctx.services.networks.memberPage(ctx.viewer, network, args),
  },
  NetworkMembership: {
    network: async (m, _a, ctx) => (await ctx.loaders.network.load(m.networkId)) ?? Promise.reject(notFound("Network")),
    contact: async (m, _a, ctx) => (await ctx.loaders.contact.load(m.contactId)) ?? Promise.reject(notFound("Contact")),
  },
  NetworkHealth: {
    district: async (h, _a, ctx) => (await ctx.loaders.district.load(h.districtId)) ?? Promise.reject(notFound("District")),
  },
};
