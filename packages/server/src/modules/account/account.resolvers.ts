import type { Resolvers } from "../../generated/graphql.js";
import type { Context } from "../../kernel/context.js";
import { notFound } from "../../core/errors.js";

/** Account details are for admins and the user themselves; others see null (or an empty list). */
const mayReadAccount = (ctx: Context, user: { id: string; municipalityId: string }) =>
  ctx.viewer !== null &&
  (ctx.viewer.userId === user.id || (ctx.viewer.role === "ADMIN" && ctx.viewer.municipalityId === user.municipalityId));

export const accountResolvers: Resolvers = {
  Query: {
    users: (_p, { filter, first, after }, ctx) => ctx.services.accounts.list(ctx.viewer, filter, first, after),
    user: (_p, { id }, ctx) => ctx.services.accounts.get(ctx.viewer, id),
    mySessions: (_p, _a, ctx) => ctx.services.auth.mySessions(ctx.viewer),
  },
  Mutation: {
    createUser: (_p, { input }, ctx) => ctx.services.accounts.create(ctx.viewer, input, ctx.requestId),
    updateUser: (_p, { id, input }, ctx) => ctx.services.accounts.update(ctx.viewer, id, input, ctx.requestId),
    disableUser: (_p, { id }, ctx) => ctx.services.accounts.setStatus(ctx.viewer, id, "DISABLED", ctx.requestId),
    enableUser: (_p, { id }, ctx) => ctx.services.accounts.setStatus(ctx.viewer, id, "ACTIVE", ctx.requestId),
    resendInvitation: (_p, { id }, ctx) => ctx.services.accounts.resendInvitation(ctx.viewer, id, ctx.requestId),
    inviteAlly: (_p, { contactId, language }, ctx) => ctx.services.accounts.inviteAlly(ctx.viewer, contactId, language, ctx.requestId),
    setPassword: (_p, { token, password }, ctx) => ctx.services.accounts.setPassword(token, password, ctx.requestId, ctx.clientAddress),
    requestPasswordReset: (_p, { email }, ctx) => ctx.services.accounts.requestPasswordReset(email, ctx.requestId, ctx.clientAddress),
    changePassword: (_p, { currentPassword, newPassword }, ctx) =>
      ctx.services.accounts.changePassword(ctx.viewer, currentPassword, newPassword, ctx.requestId),
    setMyLanguage: (_p, { language }, ctx) => ctx.services.accounts.setMyLanguage(ctx.viewer, language, ctx.requestId),
    signOutEverywhere: (_p, _a, ctx) => ctx.services.accounts.signOutEverywhere(ctx.viewer, ctx.requestId),
  },
  User: {
    language: (user, _a, ctx) => (mayReadAccount(ctx, user) ? user.language : null),
    status: (user, _a, ctx) => (mayReadAccount(ctx, user) ? user.status : null),
    lastSignInAt: (user, _a, ctx) => (mayReadAccount(ctx, user) ? user.lastLoginAt : null),
    passwordSet: (user, _a, ctx) => (mayReadAccount(ctx, user) ? user.passwordHash.startsWith("$argon2") : null),
    districtAssignments: (user, _a, ctx) => (mayReadAccount(ctx, user) ? ctx.loaders.districtAssignmentsOfUser.load(user.id) : []),
  },
  DistrictAssignment: {
    district: async (a, _args, ctx) => (await ctx.loaders.district.load(a.districtId)) ?? Promise.reject(notFound("District")),
    backup: (a) => a.isBackup,
  },
};
