import type { SeverityName } from "./config.js";
import type { Db } from "./db/prisma.js";
import type { RateLimiter, RateLimitRules } from "./lib/rate-limit.js";
import type { Logger } from "./logger.js";
import type { Fanout } from "./realtime/fanout.js";
import type { OutboxReader } from "./realtime/outbox.js";
import { AuditService } from "./modules/audit/audit.service.js";
import { AuthService } from "./modules/auth/auth.service.js";
import { ContactTransferService } from "./modules/contact/contact-transfer.service.js";
import { ContactService } from "./modules/contact/contact.service.js";
import { DistrictService } from "./modules/district/district.service.js";
import { NetworkService } from "./modules/network/network.service.js";
import { NotificationService } from "./modules/notification/notification.service.js";
import type { Mailer } from "./modules/notification/notification.mailer.js";
import { OrganisationService } from "./modules/organisation/organisation.service.js";
import { RetentionService, type RetentionPolicy } from "./modules/retention/retention.service.js";
import { SessionService } from "./modules/session/session.service.js";
import type { Doorbell } from "./realtime/doorbell.js";
import { AlertService } from "./modules/signal/alert.service.js";
import { SignalService } from "./modules/signal/signal.service.js";

export interface ServiceDeps {
  db: Db;
  rateLimiter: RateLimiter;
  rateLimits: RateLimitRules;
  tokenTtlMinutes: number;
  defaultMunicipalityCode: string;
  onSessionRevoked?: (sessionId: string) => void;
  now?: () => Date;
  retention: RetentionPolicy;
  /** Notifications and theme sessions. */
  mailer: Mailer;
  doorbell?: Doorbell;
  publicUrl: string;
  instanceId: string;
  rsvpRetentionDays: number;
  // ── realtime: signals and alerts ──
  outbox: OutboxReader;
  fanout: Fanout;
  escalateAfter: Record<SeverityName, number | null>;
  log: Logger;
}

/** The composition root of the domain: one instance of each service per server. */
export function createServices(deps: ServiceDeps) {
  const audit = new AuditService(deps.db);
  const contacts = new ContactService({ db: deps.db, audit, now: deps.now });
  const notifications = new NotificationService({ db: deps.db, audit, mailer: deps.mailer, publicUrl: deps.publicUrl, instanceId: deps.instanceId, log: deps.log });
  // ── signals and alerts ──
  const alerts = new AlertService({ db: deps.db, audit, outbox: deps.outbox, escalateAfter: deps.escalateAfter, log: deps.log, now: deps.now });
  const signals = new SignalService({
    db: deps.db, audit, alerts, outbox: deps.outbox, now: deps.now,
    rateLimiter: deps.rateLimiter, reportLimit: deps.rateLimits.signalReportsPerUser,
  });
  return {
    alerts,
    signals,
    fanout: deps.fanout,
    notifications,
    sessions: new SessionService({ db: deps.db, audit, notifications, doorbell: deps.doorbell, publicUrl: deps.publicUrl, retentionDays: deps.rsvpRetentionDays, now: deps.now }),
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
