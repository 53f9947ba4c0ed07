import { randomUUID } from "node:crypto";
import type { DbOrTx } from "../../platform/db/prisma.js";
import type { AuditAction, Role } from "../../generated/prisma/enums.js";
import type { Db } from "../../platform/db/prisma.js";
import type { AuditEntry, Prisma } from "../../generated/prisma/client.js";
import type { Viewer } from "../../core/viewer.js";
import { badInput } from "../../core/errors.js";
import { keysetCursor, pageSize } from "../../core/cursor.js";
import { requireId } from "../../core/ids.js";
import { requireRole } from "../../core/authz.js";
import { auditRepository as repo } from "./audit.repository.js";

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
function toRow(entry: AuditRecord): Prisma.AuditEntryUncheckedCreateInput {
  return {
    municipalityId: entry.municipalityId,
    actorId: entry.actorId,
    actorRole: entry.actorRole,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    details: entry.details,
    requestId: entry.requestId ?? null,
  };
}

export interface AuditFilter {
  actorId?: string | null;
  action?: AuditAction | null;
  entityType?: string | null;
  entityId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export class AuditService {
  constructor(private readonly db?: Db) {}

  /** Admins search their municipality's log, newest first (keyset on the id). */
  async search(
    viewerInput: Viewer | null,
    filter: AuditFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
    requestId: string,
  ) {
    const viewer = requireRole(viewerInput, "ADMIN");
    if (!this.db) throw new Error("AuditService.search needs a database");
    const take = pageSize(first, 200, 50);
    const f = filter ?? {};
    const where: Prisma.AuditEntryWhereInput = { municipalityId: viewer.municipalityId };
    if (f.actorId) where.actorId = requireId(f.actorId, "filter.actorId");
    if (f.action) where.action = f.action;
    if (f.entityType) where.entityType = f.entityType.slice(0, 60);
    if (f.entityId) where.entityId = f.entityId.slice(0, 60);
    if (f.from || f.to) where.at = { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) };
    if (after) {
      const [id] = keysetCursor.decode(after);
      if (typeof id !== "string" || !/^\d{1,19}$/.test(id)) throw badInput("after", "This cursor is not valid; start again without it.");
      where.id = { lt: BigInt(id) };
    }
    const rows: AuditEntry[] = await repo.findEntries(this.db, where, take + 1);
    await this.record(this.db, {
      municipalityId: viewer.municipalityId,
      actorId: viewer.userId,
      actorRole: viewer.role,
      action: "READ",
      entityType: "AuditLog",
      entityId: null,
      details: { filter: Object.keys(f).filter((k) => f[k as keyof AuditFilter]) },
      requestId,
    });
    const entries = rows.slice(0, take);
    return { entries, nextCursor: rows.length > take ? keysetCursor.encode([String(entries.at(-1)!.id)]) : null };
  }

  async record(tx: DbOrTx, entry: AuditRecord): Promise<void> {
    await tx.auditEntry.create({ data: toRow(entry) });
  }

  /** One row per entity (e.g. every contact a list showed), in one statement. */
  async recordMany(tx: DbOrTx, entries: readonly AuditRecord[]): Promise<void> {
    if (entries.length === 0) return;
    await repo.insertMany(tx, entries.map(toRow));
  }

  /** Subject access of an account: its entries as actor (references and field names only). */
  entriesOf(db: DbOrTx, actorId: string) {
    return repo.findByActor(db, actorId);
  }

  /** Live-delivery READ rows waiting for the next flush, from every subscriber of this instance. */
  private pendingReads: Array<{ db: DbOrTx; row: AuditRecord; onError: (err: Error) => void }> = [];

  /**
   * READ rows for deliveries that are not requests (live feeds, replays). The rows noted
   * within one turn of the event loop, by every subscriber of this instance, are written
   * as one batch (one `createMany`) off the delivery path, so an event delivered to a
   * thousand liaisons costs one insert, not a thousand. A subscription's rows share one
   * request id naming the feed (`details.via`).
   */
  readBatcher(
    db: DbOrTx,
    viewer: Pick<Viewer, "municipalityId" | "userId" | "role">,
    entityType: string,
    via: string,
    onError: (err: Error) => void,
  ): (entityId: string) => void {
    const requestId = `${via}:${randomUUID()}`;
    return (entityId) => {
      if (this.pendingReads.length === 0) setImmediate(() => this.flushReads());
      this.pendingReads.push({
        db,
        onError,
        row: {
          municipalityId: viewer.municipalityId,
          actorId: viewer.userId,
          actorRole: viewer.role,
          action: "READ",
          entityType,
          entityId,
          requestId,
          details: { via },
        },
      });
    };
  }

  private flushReads(): void {
    const batch = this.pendingReads;
    this.pendingReads = [];
    if (batch.length === 0) return;
    const db = batch[0]!.db;
    this.recordMany(
      db,
      batch.map((b) => b.row),
    ).catch((err: Error) => batch[0]!.onError(err));
  }
}
