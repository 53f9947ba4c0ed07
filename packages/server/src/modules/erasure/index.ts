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
 * A person's user account under the GDPR: erasure of the account and the contact linked to
 * it (`eraseUser`), and its subject-access export (`userDataExport`). The contact-only erasure is `eraseContact` (contact module); both run
 * every feature's personal-data declarations. Holds no table of its own.
 */
export const erasureModule: FeatureModule = {
  name: "erasure",
  typeDefs: sdlOf(import.meta.url),
  resolvers: erasureResolvers,
  services: ({ db }, { audit, auth, contacts, signals }, { personalData }) => ({
    erasure: new ErasureService({ db, audit, auth, contacts, signals, personalData }),
  }),
};
