import type { Db } from "./db/prisma.js";
import type { RateLimiter, RateLimitRules } from "./lib/rate-limit.js";
import { AuditService } from "./modules/audit/audit.service.js";
import { AuthService } from "./modules/auth/auth.service.js";
import { ContactTransferService } from "./modules/contact/contact-transfer.service.js";
import { ContactService } from "./modules/contact/contact.service.js";
import { DistrictService } from "./modules/district/district.service.js";
import { NetworkService } from "./modules/network/network.service.js";
import { OrganisationService } from "./modules/organisation/organisation.service.js";
import { RetentionService, type RetentionPolicy } from "./modules/retention/retention.service.js";

export interface ServiceDeps {
  db: Db;
  rateLimiter: RateLimiter;
  rateLimits: RateLimitRules;
  tokenTtlMinutes: number;
  defaultMunicipalityCode: string;
  onSessionRevoked?: (sessionId: string) => void;
  now?: () => Date;
  retention: RetentionPolicy;
}

/** The composition root of the domain: one instance of each service per server. */
export function createServices(deps: ServiceDeps) {
  const audit = new AuditService(deps.db);
  const contacts = new ContactService({ db: deps.db, audit, now: deps.now });
  return {
    audit,
    auth: new AuthService({ db: deps.db, audit, rateLimiter: deps.rateLimiter, rateLimits: deps.rateLimits, tokenTtlMinutes: deps.tokenTtlMinutes, onSessionRevoked: deps.onSessionRevoked, now: deps.now }),
    districts: new DistrictService({ db: deps.db, defaultMunicipalityCode: deps.defaultMunicipalityCode }),
    organisations: new OrganisationService({ db: deps.db, audit }),
    contacts,
    retention: new RetentionService({ db: deps.db, audit, contacts, policy: deps.retention }),
    contactTransfer: new ContactTransferService({ db: deps.db, audit, now: deps.now }),
    networks: new NetworkService({ db: deps.db, audit, now: deps.now }),
  };
}
export type Services = ReturnType<typeof createServices>;
