import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import { createPartnerLoaders } from "./partner.loaders.js";
import { partnerPersonalData } from "./partner.personal-data.js";
import { partnerResolvers } from "./partner.resolvers.js";
import { PartnerService } from "./partner.service.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    partners: PartnerService;
  }
  interface LoaderRegistry extends ReturnType<typeof createPartnerLoaders> {}
}

/** Partner organisations (police, the municipality's enforcement, …) that signals are shared with. */
export const partnerModule: FeatureModule = {
  name: "partner",
  typeDefs: sdlOf(import.meta.url),
  resolvers: partnerResolvers,
  loaders: createPartnerLoaders,
  personalData: partnerPersonalData,
  services: ({ db }, { audit }) => ({ partners: new PartnerService({ db, audit }) }),
};
