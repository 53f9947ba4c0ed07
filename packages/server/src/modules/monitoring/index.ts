import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import { monitoringResolvers } from "./monitoring.resolvers.js";
import { MonitoringService } from "./monitoring.service.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    monitoring: MonitoringService;
  }
}

/**
 * Monitoring of the approach: signals, sessions, networks, experiences, consents and referrals
 * over time, per district and city-wide, through disclosure control. Holds no table of its own.
 */
export const monitoringModule: FeatureModule = {
  name: "monitoring",
  typeDefs: sdlOf(import.meta.url),
  resolvers: monitoringResolvers,
  services: ({ db }) => ({ monitoring: new MonitoringService({ db }) }),
};
