import DataLoader from "dataloader";
import type { Db } from "../../platform/db/prisma.js";
import type { PartnerOrganisation } from "../../generated/prisma/client.js";
import { byId, groupBy } from "../../core/loader-utils.js";
import { partnerRepository as repo } from "./partner.repository.js";

export function createPartnerLoaders(db: Db) {
  return {
    partnerOrganisation: new DataLoader<string, PartnerOrganisation | null>(async (ids) =>
      byId(ids, await repo.findOrganisationsByIds(db, ids)),
    ),
    /** By municipality id: all its partner organisations, by name. */
    partnerOrganisationsOf: new DataLoader<string, PartnerOrganisation[]>(async (municipalityIds) =>
      groupBy(municipalityIds, await repo.findOrganisationsOfMunicipalities(db, municipalityIds), (o) => o.municipalityId),
    ),
  };
}
