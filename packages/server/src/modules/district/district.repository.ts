import type { DbOrTx } from "../../platform/db/prisma.js";

export const districtRepository = {
  findMunicipalityByCode(db: DbOrTx, code: string) {
    return db.municipality.findUnique({ where: { code } });
  },
  findMunicipalitiesByIds(db: DbOrTx, ids: readonly string[]) {
    return db.municipality.findMany({ where: { id: { in: [...ids] } } });
  },
  findDistricts(db: DbOrTx, municipalityId: string) {
    return db.district.findMany({ where: { municipalityId }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  },
  findDistrictsByIds(db: DbOrTx, ids: readonly string[]) {
    return db.district.findMany({ where: { id: { in: [...ids] } } });
  },
  /** District ids per user, for many users in one query. */
  findUserDistricts(db: DbOrTx, userIds: readonly string[]) {
    return db.userDistrict.findMany({
      where: { userId: { in: [...userIds] } },
      include: { district: true },
      orderBy: { district: { name: "asc" } },
    });
  },
};
