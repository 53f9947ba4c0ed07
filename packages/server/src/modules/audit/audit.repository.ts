import type { DbOrTx } from "../../platform/db/prisma.js";
import type { Prisma } from "../../generated/prisma/client.js";

export const auditRepository = {
  findEntries(db: DbOrTx, where: Prisma.AuditEntryWhereInput, take: number) {
    return db.auditEntry.findMany({ where, orderBy: { id: "desc" }, take });
  },
  /** Subject access of an account: what it did, oldest first (the newest 10 000). */
  async findByActor(db: DbOrTx, actorId: string) {
    const rows = await db.auditEntry.findMany({
      where: { actorId },
      orderBy: { id: "desc" },
      take: 10_000,
      select: { at: true, action: true, entityType: true, entityId: true, details: true },
    });
    return rows.reverse();
  },
  /** Subject access: what the account linked to the contact did, oldest first (the newest 10 000). */
  async findByContactsAccount(db: DbOrTx, contactId: string) {
    const rows = await db.auditEntry.findMany({
      where: { actor: { contactId } },
      orderBy: { id: "desc" },
      take: 10_000,
      select: { at: true, action: true, entityType: true, entityId: true, details: true },
    });
    return rows.reverse();
  },
};
