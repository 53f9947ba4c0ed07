import type { DbOrTx } from "../../platform/db/prisma.js";
import type { Prisma } from "../../generated/prisma/client.js";

export const auditRepository = {
  /**
   * Many entries in one INSERT over unnest()ed arrays (one parameter per column): a
   * 500-row import chunk's entries cost one small statement, not thousands of parameters.
   */
  async insertMany(db: DbOrTx, rows: readonly Prisma.AuditEntryUncheckedCreateInput[]) {
    const col = <T>(f: (r: Prisma.AuditEntryUncheckedCreateInput) => T) => rows.map(f);
    await db.$executeRaw`
      INSERT INTO "AuditEntry" ("municipalityId", "actorId", "actorRole", "action", "entityType", "entityId", "details", "requestId")
      SELECT t.m, t.a, t.r::"Role", t.ac::"AuditAction", t.et, t.ei, t.d::jsonb, t.rq
      FROM unnest(
        ${col((r) => r.municipalityId ?? null)}::uuid[], ${col((r) => r.actorId ?? null)}::uuid[], ${col((r) => r.actorRole ?? null)}::text[],
        ${col((r) => r.action)}::text[], ${col((r) => r.entityType)}::text[], ${col((r) => r.entityId ?? null)}::text[],
        ${col((r) => (r.details === undefined || r.details === null ? null : JSON.stringify(r.details)))}::text[],
        ${col((r) => r.requestId ?? null)}::text[]
      ) AS t(m, a, r, ac, et, ei, d, rq)`;
  },
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
