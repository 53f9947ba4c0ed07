import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import { algorithmResolvers } from "./algorithm.resolvers.js";
import { AlgorithmService } from "./algorithm.service.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    algorithms: AlgorithmService;
  }
}

/**
 * The rule sets wijknet runs (situation-text guard, escalation, disclosure control,
 * retention), described in docs/algorithms/register.json; their running settings are public.
 */
export const algorithmModule: FeatureModule = {
  name: "algorithm",
  typeDefs: sdlOf(import.meta.url),
  resolvers: algorithmResolvers,
  services: ({ config }) => ({ algorithms: new AlgorithmService(config) }),
};
