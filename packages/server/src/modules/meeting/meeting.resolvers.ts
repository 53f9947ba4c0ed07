import type { Resolvers } from "../../generated/graphql.js";
import { notFound } from "../../core/errors.js";

export const meetingResolvers: Resolvers = {
  Query: {
    networkMeetings: (_p, { networkId }, ctx) => ctx.services.meetings.list(ctx.viewer, networkId),
    lessonsLearned: (_p, { first }, ctx) => ctx.services.meetings.lessons(ctx.viewer, first),
  },
  Mutation: {
    createNetworkMeeting: (_p, { input }, ctx) => ctx.services.meetings.create(ctx.viewer, input, ctx.requestId, ctx.loaders),
    updateNetworkMeeting: (_p, { id, input }, ctx) => ctx.services.meetings.update(ctx.viewer, id, input, ctx.requestId, ctx.loaders),
    addActionPoint: (_p, { input }, ctx) => ctx.services.meetings.addActionPoint(ctx.viewer, input, ctx.requestId, ctx.loaders),
    setActionPointDone: (_p, { id, done }, ctx) => ctx.services.meetings.setActionPointDone(ctx.viewer, id, done ?? true, ctx.requestId),
    addLesson: (_p, { input }, ctx) => ctx.services.meetings.addLesson(ctx.viewer, input, ctx.requestId, ctx.loaders),
  },
  NetworkMeeting: {
    network: async (m, _a, ctx) => (await ctx.loaders.network.load(m.networkId)) ?? Promise.reject(notFound("Network")),
    actionPoints: (m, _a, ctx) => ctx.loaders.actionPointsOfMeeting.load(m.id),
    lessons: (m, _a, ctx) => ctx.loaders.lessonsOfMeeting.load(m.id),
  },
  MeetingActionPoint: {
    owner: (p, _a, ctx) => (p.ownerId ? ctx.loaders.user.load(p.ownerId) : null),
    dueDate: (p) => p.dueDate.toISOString().slice(0, 10),
    overdue: (p, _a, ctx) => ctx.services.meetings.isOverdue(p),
  },
  LessonLearned: {
    meeting: (l, _a, ctx) => (l.meetingId ? ctx.loaders.networkMeeting.load(l.meetingId) : null),
    session: (l, _a, ctx) => (l.sessionId ? ctx.loaders.themeSession.load(l.sessionId) : null),
  },
};
