import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import { erasureResolvers } from "./erasure.resolvers.js";
import { ErasureService } from "./erasure.service.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    erasure: ErasureService;
  }
}

/**
 * Erasure of a whole person: their user account and the contact linked to it
 * (`eraseUser`). The contact-only erasure is `eraseContact` (contact module); both run
 * every feature's personal-data declarations. Holds no table of its own.
 */
export const erasureModule: FeatureModule = {
  name: "erasure",
  typeDefs: sdlOf(import.meta.url),
  resolvers: erasureResolvers,
  services: ({ db }, { audit, auth, contacts }, { personalData }) => ({
    erasure: new ErasureService({ db, audit, auth, contacts, personalData }),
  }),
};
