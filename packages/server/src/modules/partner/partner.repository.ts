import type { DbOrTx } from "../../platform/db/prisma.js";
import type { PartnerKind } from "../../generated/prisma/enums.js";

export const partnerRepository = {
  findOrganisations(db: DbOrTx, municipalityId: string) {
    return db.partnerOrganisation.findMany({ where: { municipalityId }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  },
  findOrganisationsOfMunicipalities(db: DbOrTx, municipalityIds: readonly string[]) {
    return db.partnerOrganisation.findMany({
      where: { municipalityId: { in: [...municipalityIds] } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
  },
  findOrganisationsByIds(db: DbOrTx, ids: readonly string[]) {
    return db.partnerOrganisation.findMany({ where: { id: { in: [...ids] } } });
  },
  findOrganisationByName(db: DbOrTx, municipalityId: string, name: string) {
    return db.partnerOrganisation.findUnique({ where: { municipalityId_name: { municipalityId, name } } });
  },
  findFirstOfKind(db: DbOrTx, municipalityId: string, kind: PartnerKind) {
    return db.partnerOrganisation.findFirst({ where: { municipalityId, kind }, orderBy: { id: "asc" } });
  },
  createOrganisation(db: DbOrTx, data: { municipalityId: string; kind: PartnerKind; name: string }) {
    return db.partnerOrganisation.create({ data });
  },
};
