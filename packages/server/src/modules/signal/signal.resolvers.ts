import type { Resolvers, SubscriptionMyAlertsArgs, SubscriptionSignalFeedArgs } from "../../generated/graphql.js";
import type { Signal } from "../../generated/prisma/client.js";
import type { Context } from "../../kernel/context.js";
import { translateMessage } from "../../core/error-messages/index.js";
import { notFound } from "../../core/errors.js";
import { liveField } from "../../kernel/live.js";
import { mayKnowReporter, signalTextFor, signalViewFor } from "./signal.policy.js";
import type { SituationTextCategory, SituationTextRange } from "@wijknet/shared";

const viewOf = (ctx: Context, s: Signal) => signalViewFor(ctx.viewer, s);

export const signalResolvers: Resolvers = {
  Query: {
    signal: (_p, { id }, ctx) => ctx.services.signals.get(ctx.viewer, id, ctx.requestId),
    signals: (_p, args, ctx) => ctx.services.signals.list(ctx.viewer, { ...args, first: args.first ?? 50, requestId: ctx.requestId }),
    alertHistory: (_p, { first }, ctx) => ctx.services.alerts.history(ctx.viewer, first ?? 50),
  },
  Mutation: {
    reportSignal: (_p, { input }, ctx) => ctx.services.signals.report(ctx.viewer, input, ctx.requestId),
    updateSignal: (_p, { id, input }, ctx) => ctx.services.signals.update(ctx.viewer, id, input, ctx.requestId),
    acknowledgeAlert: (_p, { id, comment, acknowledgeWarnings }, ctx) =>
      ctx.services.alerts.acknowledge(ctx.viewer, id, comment, ctx.requestId, acknowledgeWarnings),
  },
  Subscription: {
    signalFeed: liveField<SubscriptionSignalFeedArgs>(({ after }, ctx) => ctx.services.signals.feed(ctx.viewer, after)),
    myAlerts: liveField<SubscriptionMyAlertsArgs>(({ after }, ctx) => ctx.services.alerts.feed(ctx.viewer, after)),
  },
  Signal: {
    district: async (s, _a, ctx) => (await ctx.loaders.district.load(s.districtId)) ?? Promise.reject(notFound("District")),
    neighbourhood: (s, _a, ctx) => (s.neighbourhoodId ? ctx.loaders.neighbourhood.load(s.neighbourhoodId) : null),
    reportedAt: (s) => s.createdAt,
    // Police (and every path that is not the coordinator's or the reporter's) read the
    // police-facing rewording of a flagged field, never the original.
    summary: (s, _a, ctx) => signalTextFor(viewOf(ctx, s), s, "summary")!,
    details: (s, _a, ctx) => signalTextFor(viewOf(ctx, s), s, "details"),
    place: (s, _a, ctx) => signalTextFor(viewOf(ctx, s), s, "place"),
    flagged: (s, _a, ctx) => {
      const view = viewOf(ctx, s);
      return (view === "full" || view === "reporter") && s.textFlaggedFields.length > 0;
    },
    textOverrides: (s, _a, ctx) => (viewOf(ctx, s) === "full" ? ctx.loaders.signalTextOverrides.load(s.id) : []),
    policeSummary: (s, _a, ctx) => (viewOf(ctx, s) === "full" ? s.policeSummary : null),
    policeDetails: (s, _a, ctx) => (viewOf(ctx, s) === "full" ? s.policeDetails : null),
    policePlace: (s, _a, ctx) => (viewOf(ctx, s) === "full" ? s.policePlace : null),
    // Never pushed to police unless the reporter agreed.
    reporter: (s, _a, ctx) => (s.reporterId && mayKnowReporter(viewOf(ctx, s), s, ctx.viewer) ? ctx.loaders.user.load(s.reporterId) : null),
    timeline: async (s, _a, ctx) => {
      const view = viewOf(ctx, s);
      if (view !== "full" && view !== "police") return [];
      const entries = await ctx.loaders.signalTimeline.load(s.id);
      if (view === "full") return entries;
      const knowsReporter = mayKnowReporter(view, s, ctx.viewer);
      return entries
        .filter((e) => e.visibleToPolice)
        .map((e) => (!knowsReporter && e.authorId !== null && e.authorId === s.reporterId ? { ...e, authorId: null } : e));
    },
    reporterIdentitySharableWith: (s) => s.reporterIdentityKinds,
    sharedWith: async (s, _a, ctx) => {
      if (viewOf(ctx, s) !== "full") return [];
      const all = await ctx.loaders.partnerOrganisationsOf.load(s.municipalityId);
      return all.filter((o) => (o.kind === "POLICE" ? s.visibility === "SHARED_WITH_POLICE" : s.sharedWithIds.includes(o.id)));
    },
    alerts: async (s, _a, ctx) => {
      const view = viewOf(ctx, s);
      return view === "full" || view === "police" ? ctx.loaders.alertsOfSignal.load(s.id) : [];
    },
  },
  SignalTextOverride: {
    acknowledgedBy: (o, _a, ctx) => (o.acknowledgedById ? ctx.loaders.user.load(o.acknowledgedById) : null),
    words: (o) =>
      o.words as unknown as Array<{ term: string; family: string; category: SituationTextCategory; positions: SituationTextRange[] }>,
  },
  // The warning's text in the caller's language (core/error-messages), like error messages.
  SituationTextWarning: {
    message: (w, _a, ctx) => translateMessage(w.message, ctx.language),
  },
  SignalUpdate: {
    author: (u, _a, ctx) => (u.authorId ? ctx.loaders.user.load(u.authorId) : null),
    at: (u) => u.createdAt,
  },
  Alert: {
    signal: async (a, _a, ctx) => a.signalSnapshot ?? (await ctx.loaders.signal.load(a.signalId)) ?? Promise.reject(notFound("Signal")),
    recipient: async (a, _a, ctx) => (await ctx.loaders.user.load(a.recipientId)) ?? Promise.reject(notFound("User")),
    escalatesAt: (a) => a.escalateAt,
  },
};
