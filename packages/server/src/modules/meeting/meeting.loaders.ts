import DataLoader from "dataloader";
import type { Db } from "../../platform/db/prisma.js";
import type { LessonLearned, MeetingActionPoint, NetworkMeeting } from "../../generated/prisma/client.js";
import { byId, groupBy } from "../../core/loader-utils.js";
import { meetingRepository as repo } from "./meeting.repository.js";

export function createMeetingLoaders(db: Db) {
  return {
    networkMeeting: new DataLoader<string, NetworkMeeting | null>(async (ids) => byId(ids, await repo.findMeetingsByIds(db, ids))),
    actionPointsOfMeeting: new DataLoader<string, MeetingActionPoint[]>(async (ids) =>
      groupBy(ids, await repo.findActionPointsOfMeetings(db, ids), (a) => a.meetingId),
    ),
    lessonsOfMeeting: new DataLoader<string, LessonLearned[]>(async (ids) =>
      groupBy(ids, await repo.findLessonsOfMeetings(db, ids), (l) => l.meetingId ?? ""),
    ),
  };
}
