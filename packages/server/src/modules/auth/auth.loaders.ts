import DataLoader from "dataloader";
import type { Db } from "../../platform/db/prisma.js";
import type { User } from "../../generated/prisma/client.js";
import { byId } from "../../core/loader-utils.js";
import { authRepository as repo } from "./auth.repository.js";

export function createAuthLoaders(db: Db) {
  return {
    user: new DataLoader<string, User | null>(async (ids) => byId(ids, await repo.findUsersByIds(db, ids))),
  };
}
