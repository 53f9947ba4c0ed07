import type { PersonalDataDecision } from "../../kernel/privacy.js";

export const questionnairePersonalData: readonly PersonalDataDecision[] = [
  {
    model: "QuestionnaireAnswer",
    holdsNoPerson:
      "anonymous by construction: no invitation, contact or registration id, no time, a random id; the comment passed the situation-text guard",
  },
];
