import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import { questionnairePersonalData } from "./questionnaire.personal-data.js";
import { questionnaireResolvers } from "./questionnaire.resolvers.js";
import { QuestionnaireService } from "./questionnaire.service.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    questionnaire: QuestionnaireService;
  }
}

/** The anonymous experiential questionnaire after a theme session, answered through the RSVP link. */
export const questionnaireModule: FeatureModule = {
  name: "questionnaire",
  typeDefs: sdlOf(import.meta.url),
  resolvers: questionnaireResolvers,
  personalData: questionnairePersonalData,
  services: ({ db }, { audit, sessions }) => ({ questionnaire: new QuestionnaireService({ db, audit, sessions }) }),
};
