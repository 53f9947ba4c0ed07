import type { DbOrTx } from "../../platform/db/prisma.js";
import type { Prisma } from "../../generated/prisma/client.js";

export const meetingRepository = {
  findMeetings: (db: DbOrTx, municipalityId: string, networkId: string | null) =>
    db.networkMeeting.findMany({
      where: { municipalityId, ...(networkId ? { networkId } : {}) },
      orderBy: [{ heldAt: "desc" }, { id: "desc" }],
      take: 500,
    }),
  findMeeting: (db: DbOrTx, id: string) => db.networkMeeting.findUnique({ where: { id } }),
  findMeetingsByIds: (db: DbOrTx, ids: readonly string[]) => db.networkMeeting.findMany({ where: { id: { in: [...ids] } } }),
  createMeeting: (db: DbOrTx, data: Prisma.NetworkMeetingUncheckedCreateInput) => db.networkMeeting.create({ data }),
  updateMeeting: (db: DbOrTx, id: string, data: Prisma.NetworkMeetingUncheckedUpdateInput) =>
    db.networkMeeting.update({ where: { id }, data }),
  findActionPointsOfMeetings: (db: DbOrTx, ids: readonly string[]) =>
    db.meetingActionPoint.findMany({ where: { meetingId: { in: [...ids] } }, orderBy: [{ dueDate: "asc" }, { id: "asc" }] }),
  findActionPoint: (db: DbOrTx, id: string) => db.meetingActionPoint.findUnique({ where: { id }, include: { meeting: true } }),
  createActionPoint: (db: DbOrTx, data: Prisma.MeetingActionPointUncheckedCreateInput) => db.meetingActionPoint.create({ data }),
  setActionPointDone: (db: DbOrTx, id: string, doneAt: Date | null) => db.meetingActionPoint.update({ where: { id }, data: { doneAt } }),
  findLessonsOfMeetings: (db: DbOrTx, ids: readonly string[]) =>
    db.lessonLearned.findMany({ where: { meetingId: { in: [...ids] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  findLessons: (db: DbOrTx, municipalityId: string, take: number) =>
    db.lessonLearned.findMany({ where: { municipalityId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take }),
  createLesson: (db: DbOrTx, data: Prisma.LessonLearnedUncheckedCreateInput) => db.lessonLearned.create({ data }),

  // ───────────── personal data (meeting.personal-data.ts) ─────────────
  findActionPointsOwnedBy: (db: DbOrTx, userIds: readonly string[]) =>
    db.meetingActionPoint.findMany({
      where: { ownerId: { in: [...userIds] } },
      select: { id: true, description: true, dueDate: true, doneAt: true },
    }),
  unassignActionPoints: (db: DbOrTx, userIds: readonly string[]) =>
    db.meetingActionPoint.updateMany({ where: { ownerId: { in: [...userIds] } }, data: { ownerId: null } }),
};
