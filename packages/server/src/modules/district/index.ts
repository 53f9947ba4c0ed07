import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import { createDistrictLoaders } from "./district.loaders.js";
import { districtResolvers } from "./district.resolvers.js";
import { DistrictService } from "./district.service.js";
import { districtPersonalData } from "./district.personal-data.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    districts: DistrictService;
  }
  interface LoaderRegistry extends ReturnType<typeof createDistrictLoaders> {}
}

/** The municipality, its districts and neighbourhoods (public information). */
export const districtModule: FeatureModule = {
  name: "district",
  typeDefs: sdlOf(import.meta.url),
  personalData: districtPersonalData,
  resolvers: districtResolvers,
  loaders: createDistrictLoaders,
  services: ({ db, config }) => ({ districts: new DistrictService({ db, defaultMunicipalityCode: config.MUNICIPALITY_CODE }) }),
};
