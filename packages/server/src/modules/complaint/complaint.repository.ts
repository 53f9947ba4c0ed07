import type { DbOrTx } from "../../platform/db/prisma.js";
import type { Prisma } from "../../generated/prisma/client.js";
import type { ComplaintStatus } from "../../generated/prisma/enums.js";

export const complaintRepository = {
  findMunicipality(db: DbOrTx, id: string) {
    return db.municipality.findUnique({ where: { id }, select: { id: true, complaintHandlingWeeks: true } });
  },
  findDistrict(db: DbOrTx, id: string) {
    return db.district.findUnique({ where: { id }, select: { id: true, municipalityId: true } });
  },
  createComplaint(db: DbOrTx, data: Prisma.ComplaintUncheckedCreateInput) {
    return db.complaint.create({ data });
  },
  findComplaint(db: DbOrTx, id: string) {
    return db.complaint.findUnique({ where: { id } });
  },
  updateComplaint(db: DbOrTx, id: string, data: Prisma.ComplaintUncheckedUpdateInput) {
    return db.complaint.update({ where: { id }, data });
  },
  findComplaints(db: DbOrTx, municipalityId: string, status: ComplaintStatus | undefined, take: number) {
    return db.complaint.findMany({
      where: { municipalityId, ...(status ? { status } : {}) },
      orderBy: { id: "desc" },
      take,
    });
  },
  createUpdates(db: DbOrTx, rows: Prisma.ComplaintUpdateCreateManyInput[]) {
    return db.complaintUpdate.createMany({ data: rows });
  },
  findUpdatesByComplaintIds(db: DbOrTx, ids: readonly string[]) {
    return db.complaintUpdate.findMany({ where: { complaintId: { in: [...ids] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  },
  /** Subject access: complaints filed from the account linked to this contact. */
  findFiledByContactsAccount(db: DbOrTx, contactId: string) {
    return db.complaint.findMany({
      where: { reporter: { contactId } },
      orderBy: { receivedAt: "asc" },
      select: { id: true, concerns: true, description: true, status: true, receivedAt: true, handleBy: true, closedAt: true },
    });
  },
  /** Erasure: the story of an erased reporter goes; that a complaint was made stays (for the term). */
  async eraseFiledBy(db: DbOrTx, userIds: readonly string[]) {
    if (userIds.length === 0) return;
    await db.complaint.updateMany({
      where: { reporterId: { in: [...userIds] } },
      data: { description: "Verwijderd op verzoek", referralWanted: false },
    });
  },
};
