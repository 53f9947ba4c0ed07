import type { Resolvers, SubscriptionSessionCountsArgs } from "../../generated/graphql.js";
import type { Context } from "../../kernel/context.js";
import { notFound } from "../../core/errors.js";
import { liveField } from "../../kernel/live.js";
import type { Invitation } from "../../generated/prisma/client.js";
import { invitationReach, needsCall } from "./session.rules.js";

/** How the invitee was reached, and whether someone must call (session.rules.ts); batched through loaders. */
async function reachOf(ctx: Context, i: Invitation) {
  const [contact, deliveries] = await Promise.all([
    i.contactId ? ctx.loaders.contact.load(i.contactId) : null,
    ctx.loaders.deliveriesOfInvitation.load(i.id),
  ]);
  const reach = invitationReach(Boolean(contact?.email), deliveries);
  return { reach, needsCall: needsCall(Boolean(contact), reach, deliveries, i.informedByPhoneAt) };
}

const districtName = async (ctx: Context, districtId: string | null) =>
  districtId ? ((await ctx.loaders.district.load(districtId))?.name ?? null) : null;

export const sessionResolvers: Resolvers = {
  Query: {
    themeSessions: (_p, { filter, first, after }, ctx) => ctx.services.sessions.list(ctx.viewer, filter ?? null, first, after),
    themeSession: (_p, { id }, ctx) => ctx.services.sessions.get(ctx.viewer, id, ctx.loaders),
    invitation: (_p, { token }, ctx) => ctx.services.sessions.publicInvitation(token, ctx.loaders),
  },
  Mutation: {
    createThemeSession: (_p, { input }, ctx) => ctx.services.sessions.create(ctx.viewer, input, ctx.requestId, ctx.loaders),
    updateThemeSession: (_p, { id, input }, ctx) => ctx.services.sessions.update(ctx.viewer, id, input, ctx.requestId, ctx.loaders),
    publishThemeSession: (_p, { id }, ctx) => ctx.services.sessions.setStatus(ctx.viewer, id, "PUBLISHED", ctx.requestId, ctx.loaders),
    cancelThemeSession: (_p, { id }, ctx) => ctx.services.sessions.setStatus(ctx.viewer, id, "CANCELLED", ctx.requestId, ctx.loaders),
    completeThemeSession: (_p, { id }, ctx) => ctx.services.sessions.setStatus(ctx.viewer, id, "COMPLETED", ctx.requestId, ctx.loaders),
    inviteToSession: (_p, { input }, ctx) => ctx.services.sessions.invite(ctx.viewer, input, ctx.requestId, ctx.loaders),
    renewInvitationLink: (_p, { id, expiresAt }, ctx) => ctx.services.sessions.renewLink(ctx.viewer, id, expiresAt, ctx.requestId),
    setInvitationInformedByPhone: (_p, { id, informed }, ctx) =>
      ctx.services.sessions.setInformedByPhone(ctx.viewer, id, informed, ctx.requestId),
    respondToInvitation: (_p, { token, response, guests, idempotencyKey }, ctx) =>
      ctx.services.sessions.respond(token, response, guests, ctx.requestId, idempotencyKey),
    checkInRegistration: (_p, { id, result }, ctx) => ctx.services.sessions.checkIn(ctx.viewer, id, result, ctx.requestId, ctx.loaders),
    resetSelfCheckInCode: (_p, { sessionId }, ctx) =>
      ctx.services.sessions.resetSelfCheckInCode(ctx.viewer, sessionId, ctx.requestId, ctx.loaders),
    selfCheckIn: (_p, { token, code }, ctx) => ctx.services.sessions.selfCheckIn(token, code, ctx.requestId, ctx.loaders),
  },
  Subscription: {
    sessionCounts: liveField<SubscriptionSessionCountsArgs>(({ sessionId }, ctx) =>
      ctx.services.sessions.countsFeed(ctx.viewer, sessionId, ctx.loaders),
    ),
  },
  ThemeSession: {
    district: (s, _a, ctx) => (s.districtId ? ctx.loaders.district.load(s.districtId) : null),
    hasSelfCheckInCode: (s) => s.selfCheckInCodeHash !== null,
    counts: async (s, _a, ctx) =>
      ctx.services.sessions.countsFor(ctx.viewer, ctx.services.sessions.countsOf(s, await ctx.loaders.sessionCounts.load(s.id))),
    invitations: (s, _a, ctx) => {
      ctx.services.sessions.assertMayManage(ctx.viewer, s);
      return ctx.loaders.invitationsOfSession.load(s.id);
    },
    toCall: async (s, _a, ctx) => {
      ctx.services.sessions.assertMayManage(ctx.viewer, s);
      const invitations = await ctx.loaders.invitationsOfSession.load(s.id);
      const reaches = await Promise.all(invitations.map((i) => reachOf(ctx, i)));
      return invitations.filter((_, n) => reaches[n]!.needsCall);
    },
    registrations: async (s, { includeCancelled }, ctx) => {
      ctx.services.sessions.assertMayManage(ctx.viewer, s);
      const all = await ctx.loaders.registrationsOfSession.load(s.id);
      return includeCancelled ? all : all.filter((r) => r.seatStatus !== "CANCELLED");
    },
    ics: async (s, _a, ctx) => ctx.services.sessions.ics(s, await districtName(ctx, s.districtId)),
  },
  Invitation: {
    session: async (i, _a, ctx) => (await ctx.loaders.themeSession.load(i.sessionId)) ?? Promise.reject(notFound("ThemeSession")),
    contact: (i, _a, ctx) => (i.contactId ? ctx.loaders.contact.load(i.contactId) : null),
    viaNetwork: (i, _a, ctx) => (i.viaNetworkId ? ctx.loaders.network.load(i.viaNetworkId) : null),
    registrations: async (i, { includeCancelled }, ctx) => {
      const all = await ctx.loaders.registrationsOfInvitation.load(i.id);
      return includeCancelled ? all : all.filter((r) => r.seatStatus !== "CANCELLED");
    },
    reach: async (i, _a, ctx) => (await reachOf(ctx, i)).reach,
    deliveries: (i, _a, ctx) => ctx.loaders.deliveriesOfInvitation.load(i.id),
    needsCall: async (i, _a, ctx) => (await reachOf(ctx, i)).needsCall,
    informedByPhoneAt: (i) => i.informedByPhoneAt,
    informedByPhoneBy: (i, _a, ctx) => (i.informedByPhoneById ? ctx.loaders.user.load(i.informedByPhoneById) : null),
  },
  Registration: {
    invitation: async (r, _a, ctx) => (await ctx.loaders.invitation.load(r.invitationId)) ?? Promise.reject(notFound("Invitation")),
    waitlistPosition: (r, _a, ctx) => (r.seatStatus === "WAITLISTED" ? ctx.loaders.waitlistPosition.load(r.id) : null),
  },
  OwnRegistration: {
    waitlistPosition: (r, _a, ctx) => (r.seatStatus === "WAITLISTED" ? ctx.loaders.waitlistPosition.load(r.id) : null),
  },
  PublicSession: {
    district: (s, _a, ctx) => (s.districtId ? ctx.loaders.district.load(s.districtId) : null),
    counts: async (s, _a, ctx) => ctx.services.sessions.countsOf(s, await ctx.loaders.sessionCounts.load(s.id)),
  },
  PublicInvitation: {
    session: (p) => p.session,
    response: (p) => p.invitation.response,
    respondedAt: (p) => p.invitation.respondedAt,
    expiresAt: (p) => p.invitation.tokenExpiresAt,
    // Own claims only; cancelled ones are history the invitee does not need.
    registrations: async (p, _a, ctx) =>
      (await ctx.loaders.registrationsOfInvitation.load(p.invitation.id)).filter((r) => r.seatStatus !== "CANCELLED"),
    ics: async (p, _a, ctx) => ctx.services.sessions.ics(p.session, await districtName(ctx, p.session.districtId), p.token),
  },
};
