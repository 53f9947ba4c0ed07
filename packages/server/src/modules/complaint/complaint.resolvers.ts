import type { Resolvers } from "../../generated/graphql.js";
import { isOverdue } from "./complaint.rules.js";

export const complaintResolvers: Resolvers = {
  Query: {
    complaints: (_p, { status, first }, ctx) => ctx.services.complaints.list(ctx.viewer, status, first ?? 50, ctx.requestId),
    complaint: (_p, { id }, ctx) => ctx.services.complaints.get(ctx.viewer, id, ctx.requestId),
  },
  Mutation: {
    fileComplaint: (_p, { input }, ctx) => ctx.services.complaints.file(ctx.viewer, input, ctx.requestId),
    acknowledgeComplaint: (_p, { id }, ctx) => ctx.services.complaints.acknowledge(ctx.viewer, id, ctx.requestId),
    addComplaintNote: (_p, { id, note, acknowledgeWarnings }, ctx) =>
      ctx.services.complaints.addNote(ctx.viewer, id, note, acknowledgeWarnings, ctx.requestId),
    closeComplaint: (_p, { id, note, acknowledgeWarnings }, ctx) =>
      ctx.services.complaints.close(ctx.viewer, id, note, acknowledgeWarnings, ctx.requestId),
  },
  // A Complaint reaches a resolver only through the handler-only service methods above.
  Complaint: {
    district: (c, _a, ctx) => (c.districtId ? ctx.loaders.district.load(c.districtId) : null),
    reporter: (c, _a, ctx) => (c.reporterId ? ctx.loaders.user.load(c.reporterId) : null),
    overdue: (c) => isOverdue(c, new Date()),
    timeline: (c, _a, ctx) => ctx.loaders.complaintTimeline.load(c.id),
  },
  ComplaintUpdate: {
    author: (u, _a, ctx) => (u.authorId ? ctx.loaders.user.load(u.authorId) : null),
    at: (u) => u.createdAt,
  },
};
