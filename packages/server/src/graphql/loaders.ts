import type { Db } from "../db/prisma.js";
import { createAuthLoaders } from "../modules/auth/auth.loaders.js";
import { createContactLoaders } from "../modules/contact/contact.loaders.js";
import { createDistrictLoaders } from "../modules/district/district.loaders.js";
import { createNetworkLoaders } from "../modules/network/network.loaders.js";
import { createOrganisationLoaders } from "../modules/organisation/organisation.loaders.js";
import { createSessionLoaders } from "../modules/session/session.loaders.js";
import { createSignalLoaders } from "../modules/signal/signal.loaders.js";

/** Every relation is loaded through a per-request DataLoader (no N+1). */
export function createLoaders(db: Db) {
  return {
    ...createAuthLoaders(db),
    ...createDistrictLoaders(db),
    ...createOrganisationLoaders(db),
    ...createContactLoaders(db),
    ...createNetworkLoaders(db),
    ...createSessionLoaders(db),
    ...createSignalLoaders(db),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
