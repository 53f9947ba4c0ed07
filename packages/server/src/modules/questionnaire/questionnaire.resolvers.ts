import type { Resolvers } from "../../generated/graphql.js";

export const questionnaireResolvers: Resolvers = {
  Mutation: {
    answerQuestionnaire: (_p, { token, input }, ctx) => ctx.services.questionnaire.answer(token, input, ctx.requestId),
  },
  PublicInvitation: {
    questionnaireAnswered: (p) => p.invitation.questionnaireAnswered,
    questionnaireOpen: async (p, _a, ctx) => {
      const own = await ctx.loaders.registrationsOfInvitation.load(p.invitation.id);
      return ctx.services.questionnaire.isOpen(
        p.invitation,
        p.session,
        own.some((r) => !r.isGuest && r.attendance === "ATTENDED"),
      );
    },
  },
};
