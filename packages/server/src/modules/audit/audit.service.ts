import type { DbOrTx } from "../../db/prisma.js";
import type { AuditAction, Role } from "../../generated/prisma/enums.js";
import type { Prisma } from "../../generated/prisma/client.js";

export interface AuditRecord {
  municipalityId: string | null;
  actorId: string | null;
  actorRole: Role | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  /** Field names, counts, reasons. Never values of personal data. */
  details?: Prisma.InputJsonValue;
  requestId?: string | null;
}

/**
 * Writes audit rows. Always pass the transaction of the change being recorded, so that
 * the change and its audit row commit (or roll back) together.
 */
export class AuditService {
  async record(tx: DbOrTx, entry: AuditRecord): Promise<void> {
    await tx.auditEntry.create({
      data: {
        municipalityId: entry.municipalityId,
        actorId: entry.actorId,
        actorRole: entry.actorRole,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        details: entry.details,
        requestId: entry.requestId ?? null,
      },
    });
  }

  /** One row per entity (e.g. every contact a list showed), in one statement. */
  async recordMany(tx: DbOrTx, entries: readonly AuditRecord[]): Promise<void> {
    if (entries.length === 0) return;
    await tx.auditEntry.createMany({
      data: entries.map((entry) => ({
        municipalityId: entry.municipalityId,
        actorId: entry.actorId,
        actorRole: entry.actorRole,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        details: entry.details,
        requestId: entry.requestId ?? null,
      })),
    });
  }
}
