import type { Resolvers } from "../../generated/graphql.js";
import { corpusLine } from "./guard-feedback.rules.js";

export const guardFeedbackResolvers: Resolvers = {
  Query: {
    guardFeedbackQueue: (_p, { status }, ctx) => ctx.services.guardFeedback.queue(ctx.viewer, status ?? "OPEN"),
    guardCorpusCandidates: (_p, _a, ctx) => ctx.services.guardFeedback.candidates(ctx.viewer),
    guardFeedbackFigures: (_p, { from, to }, ctx) => ctx.services.guardFeedback.figures(ctx.viewer, from ?? null, to ?? null),
  },
  Mutation: {
    markGuardWarningWrong: (_p, { input }, ctx) => ctx.services.guardFeedback.markWarningWrong(ctx.viewer, input, ctx.requestId),
    markSignalSlippedThrough: (_p, { signalId }, ctx) => ctx.services.guardFeedback.markSlippedThrough(ctx.viewer, signalId, ctx.requestId),
    addGuardCorpusCandidate: (_p, { input }, ctx) => ctx.services.guardFeedback.addCorpusCandidate(ctx.viewer, input, ctx.requestId),
    dismissGuardFeedback: (_p, { id }, ctx) => ctx.services.guardFeedback.dismiss(ctx.viewer, id, ctx.requestId),
  },
  GuardFeedback: {
    corpusCandidates: (f, _a, ctx) => ctx.loaders.corpusCandidatesOfFeedback.load(f.id),
  },
  GuardCorpusCandidate: {
    corpusLine: (c) => corpusLine(c.label, c.placeField, c.sentence),
  },
};
