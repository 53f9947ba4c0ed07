import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import { createNetworkLoaders } from "./network.loaders.js";
import { networkResolvers } from "./network.resolvers.js";
import { NetworkService } from "./network.service.js";
import { networkPersonalData } from "./network.personal-data.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    networks: NetworkService;
  }
  interface LoaderRegistry extends ReturnType<typeof createNetworkLoaders> {}
}

/** Allies, city-wide and youth networks, memberships, and network health per district. */
export const networkModule: FeatureModule = {
  name: "network",
  typeDefs: sdlOf(import.meta.url),
  personalData: networkPersonalData,
  resolvers: networkResolvers,
  loaders: createNetworkLoaders,
  services: ({ db }, { audit, contacts }) => {
    const networks = new NetworkService({ db, audit });
    // A withdrawn NETWORK_MEMBERSHIP consent ends the contact's memberships.
    contacts.onConsentWithdrawn((tx, e) => networks.endForWithdrawnConsent(tx, e));
    return { networks };
  },
};
