import type { LessonLearned, MeetingActionPoint, NetworkMeeting } from "../../generated/prisma/client.js";

export type NetworkMeetingMapper = NetworkMeeting;
export type MeetingActionPointMapper = MeetingActionPoint;
export type LessonLearnedMapper = LessonLearned;
