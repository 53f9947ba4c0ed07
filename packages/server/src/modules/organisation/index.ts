import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import { createOrganisationLoaders } from "./organisation.loaders.js";
import { organisationResolvers } from "./organisation.resolvers.js";
import { OrganisationService } from "./organisation.service.js";
import { organisationPersonalData } from "./organisation.personal-data.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    organisations: OrganisationService;
  }
  interface LoaderRegistry extends ReturnType<typeof createOrganisationLoaders> {}
}

/** Organisations in which contacts hold roles. */
export const organisationModule: FeatureModule = {
  name: "organisation",
  typeDefs: sdlOf(import.meta.url),
  personalData: organisationPersonalData,
  resolvers: organisationResolvers,
  loaders: createOrganisationLoaders,
  services: ({ db }, { audit }) => ({ organisations: new OrganisationService({ db, audit }) }),
};
