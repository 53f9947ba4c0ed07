/** What each GraphQL type of this module resolves from (codegen mappers: `<Type>Mapper`). */
import type { GuardCorpusCandidate, GuardFeedback } from "../../generated/prisma/client.js";
import type { GuardFeedbackFiguresRow } from "./guard-feedback.service.js";

export type GuardFeedbackMapper = GuardFeedback;
export type GuardCorpusCandidateMapper = GuardCorpusCandidate;
export type GuardFeedbackFiguresMapper = GuardFeedbackFiguresRow;
