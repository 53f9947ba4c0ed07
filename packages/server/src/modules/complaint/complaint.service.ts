import type { Db } from "../../platform/db/prisma.js";
import type { Complaint } from "../../generated/prisma/client.js";
import type { ComplaintConcerns, ComplaintStatus, ComplaintUpdateKind } from "../../generated/prisma/enums.js";
import type { Viewer } from "../../core/viewer.js";
import { badInput, conflict, notFound } from "../../core/errors.js";
import { requireRole } from "../../core/authz.js";
import { isId } from "../../core/ids.js";
import { cleanText } from "../../core/text.js";
import { guardSituationText } from "../../core/situation-text.js";
import type { AuditService } from "../audit/audit.service.js";
import { complaintRepository as repo } from "./complaint.repository.js";
import { ANTI_DISCRIMINATION_REFERRAL, handleByFor } from "./complaint.rules.js";

export interface ComplaintServiceDeps {
  db: Db;
  audit: AuditService;
  now?: () => Date;
}

export interface FileComplaintInput {
  concerns: ComplaintConcerns;
  description: string;
  districtId?: string | null;
  occurredAt?: Date | null;
  referralWanted?: boolean | null;
  acknowledgeWarnings?: boolean | null;
}

export interface ComplaintReceipt {
  id: string;
  receivedAt: Date;
  handleBy: Date;
  referral: typeof ANTI_DISCRIMINATION_REFERRAL;
}

const MAX_NOTE = 2_000;

/**
 * Complaints about how the municipality or police treated someone. Registered apart from
 * signals: no partner organisation, coordinator or liaison reads, counts or is alerted about
 * them — only the municipality's complaints handlers (role COMPLAINTS_HANDLER), who are
 * outside the organisations concerned. Every read and change is audited.
 */
export class ComplaintService {
  private readonly now: () => Date;
  constructor(private readonly deps: ComplaintServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async file(viewerInput: Viewer | null, input: FileComplaintInput, requestId: string): Promise<ComplaintReceipt> {
    const viewer = requireRole(viewerInput, "COORDINATOR", "POLICE_LIAISON", "ALLY");
    const description = cleanText(input.description, "input.description", 4_000, 10)!;
    guardSituationText([["input.description", description]], input.acknowledgeWarnings);
    const { db, audit } = this.deps;
    let districtId: string | null = null;
    if (input.districtId) {
      const d = isId(input.districtId) ? await repo.findDistrict(db, input.districtId) : null;
      if (!d || d.municipalityId !== viewer.municipalityId) throw badInput("input.districtId", "Unknown district.");
      districtId = d.id;
    }
    const municipality = await repo.findMunicipality(db, viewer.municipalityId);
    if (!municipality) throw notFound("Municipality");
    const receivedAt = this.now();
    const created = await db.$transaction(async (tx) => {
      const complaint = await repo.createComplaint(tx, {
        municipalityId: viewer.municipalityId,
        districtId,
        concerns: input.concerns,
        description,
        occurredAt: input.occurredAt ?? null,
        reporterId: viewer.userId,
        referralWanted: input.referralWanted ?? false,
        receivedAt,
        handleBy: handleByFor(receivedAt, municipality.complaintHandlingWeeks),
      });
      await repo.createUpdates(tx, [
        { complaintId: complaint.id, authorId: viewer.userId, kind: "RECEIVED", createdAt: receivedAt },
        ...(complaint.referralWanted
          ? [{ complaintId: complaint.id, authorId: viewer.userId, kind: "REFERRAL_OFFERED" as const, createdAt: receivedAt }]
          : []),
      ]);
      await audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "CREATE",
        entityType: "Complaint",
        entityId: complaint.id,
        requestId,
        details: { concerns: complaint.concerns, referralWanted: complaint.referralWanted },
      });
      return complaint;
    });
    return { id: created.id, receivedAt: created.receivedAt, handleBy: created.handleBy, referral: ANTI_DISCRIMINATION_REFERRAL };
  }

  async list(
    viewerInput: Viewer | null,
    status: ComplaintStatus | null | undefined,
    first: number,
    requestId: string,
  ): Promise<Complaint[]> {
    const viewer = requireRole(viewerInput, "COMPLAINTS_HANDLER");
    if (first < 1 || first > 200) throw badInput("first", "Between 1 and 200.");
    const rows = await repo.findComplaints(this.deps.db, viewer.municipalityId, status ?? undefined, first);
    await this.auditReads(viewer, rows, requestId);
    return rows;
  }

  async get(viewerInput: Viewer | null, id: string, requestId: string): Promise<Complaint | null> {
    const viewer = requireRole(viewerInput, "COMPLAINTS_HANDLER");
    if (!isId(id)) return null;
    const c = await repo.findComplaint(this.deps.db, id);
    if (!c || c.municipalityId !== viewer.municipalityId) return null;
    await this.auditReads(viewer, [c], requestId);
    return c;
  }

  acknowledge(viewer: Viewer | null, id: string, requestId: string): Promise<Complaint> {
    return this.step(viewer, id, "ACKNOWLEDGED", null, false, requestId);
  }

  addNote(viewer: Viewer | null, id: string, note: string, ack: boolean | null | undefined, requestId: string): Promise<Complaint> {
    return this.step(viewer, id, "NOTE", note, ack, requestId);
  }

  close(viewer: Viewer | null, id: string, note: string, ack: boolean | null | undefined, requestId: string): Promise<Complaint> {
    return this.step(viewer, id, "CLOSED", note, ack, requestId);
  }

  private async step(
    viewerInput: Viewer | null,
    id: string,
    kind: Extract<ComplaintUpdateKind, "ACKNOWLEDGED" | "NOTE" | "CLOSED">,
    noteInput: string | null,
    acknowledgeWarnings: boolean | null | undefined,
    requestId: string,
  ): Promise<Complaint> {
    const viewer = requireRole(viewerInput, "COMPLAINTS_HANDLER");
    const note = noteInput === null ? null : cleanText(noteInput, "note", MAX_NOTE, 1);
    guardSituationText([["note", note]], acknowledgeWarnings);
    if (!isId(id)) throw notFound("Complaint");
    const { db, audit } = this.deps;
    return db.$transaction(async (tx) => {
      const current = await repo.findComplaint(tx, id);
      if (!current || current.municipalityId !== viewer.municipalityId) throw notFound("Complaint");
      if (current.status === "CLOSED") throw conflict("This complaint is closed.");
      if (kind === "ACKNOWLEDGED" && current.acknowledgedAt) throw conflict("Receipt is already confirmed.");
      const at = this.now();
      const data =
        kind === "ACKNOWLEDGED"
          ? { status: "ACKNOWLEDGED" as const, acknowledgedAt: at }
          : kind === "CLOSED"
            ? { status: "CLOSED" as const, closedAt: at, acknowledgedAt: current.acknowledgedAt ?? at }
            : {};
      const updated = await repo.updateComplaint(tx, id, { ...data, updatedAt: at });
      await repo.createUpdates(tx, [{ complaintId: id, authorId: viewer.userId, kind, note, createdAt: at }]);
      await audit.record(tx, {
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "UPDATE",
        entityType: "Complaint",
        entityId: id,
        requestId,
        details: { step: kind, withNote: note !== null },
      });
      return updated;
    });
  }

  /** Every read of a complaint is on the record (who read which complaint, when). */
  private async auditReads(viewer: Viewer, rows: readonly Complaint[], requestId: string): Promise<void> {
    if (rows.length === 0) return;
    await this.deps.audit.recordMany(
      this.deps.db,
      rows.map((c) => ({
        municipalityId: viewer.municipalityId,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "READ" as const,
        entityType: "Complaint",
        entityId: c.id,
        requestId,
      })),
    );
  }
}
