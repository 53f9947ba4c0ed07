import type { DbOrTx } from "../../platform/db/prisma.js";
import type { Prisma } from "../../generated/prisma/client.js";

export const auditRepository = {
  findEntries(db: DbOrTx, where: Prisma.AuditEntryWhereInput, take: number) {
    return db.auditEntry.findMany({ where, orderBy: { id: "desc" }, take });
  },
};
