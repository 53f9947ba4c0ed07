import DataLoader from "dataloader";
import type { Db } from "../../platform/db/prisma.js";
import type { District, Municipality } from "../../generated/prisma/client.js";
import { byId, groupBy } from "../../core/loader-utils.js";
import { districtRepository as repo } from "./district.repository.js";

export function createDistrictLoaders(db: Db) {
  return {
    municipality: new DataLoader<string, Municipality | null>(async (ids) => byId(ids, await repo.findMunicipalitiesByIds(db, ids))),
    district: new DataLoader<string, District | null>(async (ids) => byId(ids, await repo.findDistrictsByIds(db, ids))),
    districtsOfUser: new DataLoader<string, District[]>(async (userIds) => {
      const rows = await repo.findUserDistricts(db, userIds);
      return groupBy(userIds, rows, (r) => r.userId).map((list) => list.map((r) => r.district));
    }),
  };
}
