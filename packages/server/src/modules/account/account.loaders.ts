import DataLoader from "dataloader";
import type { Db } from "../../platform/db/prisma.js";
import { groupBy } from "../../core/loader-utils.js";
import { accountRepository as repo } from "./account.repository.js";

export function createAccountLoaders(db: Db) {
  return {
    districtAssignmentsOfUser: new DataLoader<string, { districtId: string; isBackup: boolean }[]>(async (userIds) =>
      groupBy(userIds, await repo.findAssignments(db, userIds), (a) => a.userId),
    ),
  };
}
