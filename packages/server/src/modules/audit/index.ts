import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import { auditResolvers } from "./audit.resolvers.js";
import { AuditService } from "./audit.service.js";
import { auditPersonalData } from "./audit.personal-data.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    audit: AuditService;
  }
}

/** The append-only audit log: every feature writes it in its own transactions; admins search it. */
export const auditModule: FeatureModule = {
  name: "audit",
  typeDefs: sdlOf(import.meta.url),
  personalData: auditPersonalData,
  resolvers: auditResolvers,
  services: ({ db }) => ({ audit: new AuditService(db) }),
};
