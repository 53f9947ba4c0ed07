import DataLoader from "dataloader";
import type { Db } from "../../platform/db/prisma.js";
import type { Organisation } from "../../generated/prisma/client.js";
import { byId } from "../../core/loader-utils.js";
import { organisationRepository as repo } from "./organisation.repository.js";

export function createOrganisationLoaders(db: Db) {
  return {
    organisation: new DataLoader<string, Organisation | null>(async (ids) => byId(ids, await repo.findOrganisationsByIds(db, ids))),
    organisationContactCount: new DataLoader<string, number>(async (ids) => {
      const counts = await repo.countCurrentContacts(db, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
  };
}
