import type { DbOrTx } from "../../platform/db/prisma.js";

export const referralRepository = {
  findDistrict: (db: DbOrTx, id: string) => db.district.findUnique({ where: { id }, select: { id: true, municipalityId: true } }),
  findMunicipalityByCode: (db: DbOrTx, code: string) => db.municipality.findUnique({ where: { code }, select: { id: true } }),
  /** One more referral in the counter of (municipality, district, month): the only thing written. */
  increment: (db: DbOrTx, c: { key: string; municipalityId: string; districtId: string | null; month: string }) =>
    db.$executeRaw`
      INSERT INTO "ReferralCount" ("key", "municipalityId", "districtId", "month", "count")
      VALUES (${c.key}, ${c.municipalityId}::uuid, ${c.districtId}::uuid, ${c.month}::date, 1)
      ON CONFLICT ("key") DO UPDATE SET "count" = "ReferralCount"."count" + 1`,
};
