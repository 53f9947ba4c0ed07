import type { DbOrTx } from "../../platform/db/prisma.js";
import type { Prisma } from "../../generated/prisma/client.js";

export const organisationRepository = {
  findOrganisations(db: DbOrTx, municipalityId: string, includeArchived: boolean) {
    return db.organisation.findMany({
      where: { municipalityId, ...(includeArchived ? {} : { archivedAt: null }) },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
  },
  findOrganisationsByIds(db: DbOrTx, ids: readonly string[]) {
    return db.organisation.findMany({ where: { id: { in: [...ids] } } });
  },
  findOrganisationNames(db: DbOrTx, municipalityId: string) {
    return db.organisation.findMany({ where: { municipalityId }, select: { id: true, name: true } });
  },
  findOrganisationByName(db: DbOrTx, municipalityId: string, name: string) {
    return db.organisation.findFirst({ where: { municipalityId, name: { equals: name, mode: "insensitive" } } });
  },
  createOrganisation(db: DbOrTx, data: Prisma.OrganisationUncheckedCreateInput) {
    return db.organisation.create({ data });
  },
  updateOrganisation(db: DbOrTx, id: string, data: Prisma.OrganisationUncheckedUpdateInput) {
    return db.organisation.update({ where: { id }, data });
  },
  /** Contacts with a current role per organisation, for many organisations at once. */
  async countCurrentContacts(db: DbOrTx, organisationIds: readonly string[]) {
    const rows = await db.contactRole.groupBy({
      by: ["organisationId"],
      where: { organisationId: { in: [...organisationIds] }, until: null, contact: { status: { not: "ARCHIVED" } } },
      _count: { _all: true },
    });
    return new Map(rows.map((r) => [r.organisationId as string, r._count._all]));
  },
};
