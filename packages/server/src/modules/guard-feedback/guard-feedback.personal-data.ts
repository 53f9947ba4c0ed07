import type { PersonalDataDecision } from "../../kernel/privacy.js";

/**
 * Feedback links to the staff account that gave or reviewed it; its content is flagged
 * words or a report's id, never a person's details. Erasing the account removes the link.
 */
export const guardFeedbackPersonalData: readonly PersonalDataDecision[] = [
  {
    model: "GuardFeedback",
    personColumns: ["createdById", "reviewedById"],
    export: { untouched: "flagged words or a report's id, no details of the person; the link to the account goes at erasure" },
    erase: async (tx, { userIds }) => {
      if (userIds.length === 0) return;
      await tx.guardFeedback.updateMany({ where: { createdById: { in: [...userIds] } }, data: { createdById: null } });
      await tx.guardFeedback.updateMany({ where: { reviewedById: { in: [...userIds] } }, data: { reviewedById: null } });
    },
  },
  {
    model: "GuardCorpusCandidate",
    personColumns: ["createdById"],
    export: { untouched: "an anonymised sentence written for the corpus; the link to the coordinator's account goes at erasure" },
    erase: async (tx, { userIds }) => {
      if (userIds.length === 0) return;
      await tx.guardCorpusCandidate.updateMany({ where: { createdById: { in: [...userIds] } }, data: { createdById: null } });
    },
  },
  { model: "GuardWarningEvent", holdsNoPerson: "a tally row: municipality, kind and time only" },
];
