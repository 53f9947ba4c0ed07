import DataLoader from "dataloader";
import type { Db } from "../../platform/db/prisma.js";
import type { GuardCorpusCandidate } from "../../generated/prisma/client.js";
import { groupBy } from "../../core/loader-utils.js";
import { guardFeedbackRepository as repo } from "./guard-feedback.repository.js";

export function createGuardFeedbackLoaders(db: Db) {
  return {
    corpusCandidatesOfFeedback: new DataLoader<string, GuardCorpusCandidate[]>(async (ids) =>
      groupBy(ids, await repo.findCandidatesByFeedback(db, ids), (c) => c.feedbackId ?? ""),
    ),
  };
}
