import type { Resolvers } from "../../generated/graphql.js";
import { notFound } from "../../core/errors.js";

export const districtResolvers: Resolvers = {
  Query: {
    districts: (_p, _a, ctx) => ctx.services.districts.listDistricts(ctx.viewer),
    district: (_p, { id }, ctx) => ctx.services.districts.findDistrict(ctx.viewer, id, (i) => ctx.loaders.district.load(i)),
  },
  District: {
    municipality: async (district, _a, ctx) =>
      (await ctx.loaders.municipality.load(district.municipalityId)) ?? Promise.reject(notFound("Municipality")),
  },
};
