import type { PersonalDataDecision } from "../../kernel/privacy.js";
import { meetingRepository as repo } from "./meeting.repository.js";

export const meetingPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "NetworkMeeting",
    personColumns: ["createdById"],
    export: { untouched: "the meeting's author is a staff account, not the data subject" },
    erase: { untouched: "the staff reference stays (as for sessions); the texts describe situations, not people" },
  },
  {
    model: "MeetingActionPoint",
    personColumns: ["ownerId"],
    export: {
      section: "account.actionPoints",
      read: async (db, contactId) => {
        const user = await db.user.findUnique({ where: { contactId }, select: { id: true } });
        return user ? repo.findActionPointsOwnedBy(db, [user.id]) : [];
      },
    },
    // The work stays with the meeting; who owned it goes.
    erase: (tx, { userIds }) => repo.unassignActionPoints(tx, userIds).then(() => undefined),
  },
  {
    model: "LessonLearned",
    personColumns: ["createdById"],
    export: { untouched: "written by a staff account about a meeting or session, not about the data subject" },
    erase: { untouched: "the staff reference stays; the text passed the situation-text guard" },
  },
];
