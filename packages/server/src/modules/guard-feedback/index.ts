import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import { createGuardFeedbackLoaders } from "./guard-feedback.loaders.js";
import { guardFeedbackPersonalData } from "./guard-feedback.personal-data.js";
import { guardFeedbackResolvers } from "./guard-feedback.resolvers.js";
import { GuardFeedbackService } from "./guard-feedback.service.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    guardFeedback: GuardFeedbackService;
  }
  interface LoaderRegistry extends ReturnType<typeof createGuardFeedbackLoaders> {}
}

/**
 * Feedback on the situation-text guard: "this warning is wrong" (flagged words only),
 * "slipped through" (a report's id), the coordinator's review queue with corpus candidates,
 * and quarterly figures with disclosure control. Listed before `signal`, which tallies its warnings here.
 */
export const guardFeedbackModule: FeatureModule = {
  name: "guard-feedback",
  typeDefs: sdlOf(import.meta.url),
  resolvers: guardFeedbackResolvers,
  loaders: createGuardFeedbackLoaders,
  personalData: guardFeedbackPersonalData,
  services: ({ db }, { audit }) => ({ guardFeedback: new GuardFeedbackService({ db, audit }) }),
};
