import type { Db } from "../db/prisma.js";
import { createAuthLoaders } from "../modules/auth/auth.loaders.js";
import { createDistrictLoaders } from "../modules/district/district.loaders.js";
import { createSignalLoaders } from "../modules/signal/signal.loaders.js";

/** Every relation is loaded through a per-request DataLoader (no N+1). */
export function createLoaders(db: Db) {
  return {
    ...createAuthLoaders(db),
    ...createDistrictLoaders(db),
    ...createSignalLoaders(db),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
