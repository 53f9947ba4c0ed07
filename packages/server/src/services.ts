import type { SeverityName } from "./config.js";
import type { Db } from "./db/prisma.js";
import type { Logger } from "./logger.js";
import type { Fanout } from "./realtime/fanout.js";
import type { OutboxReader } from "./realtime/outbox.js";
import { AuditService } from "./modules/audit/audit.service.js";
import { AuthService } from "./modules/auth/auth.service.js";
import { DistrictService } from "./modules/district/district.service.js";
import { AlertService } from "./modules/signal/alert.service.js";
import { SignalService } from "./modules/signal/signal.service.js";

export interface ServiceDeps {
  db: Db;
  tokenTtlMinutes: number;
  defaultMunicipalityCode: string;
  onSessionRevoked?: (sessionId: string) => void;
  now?: () => Date;
  // ── realtime: signals and alerts ──
  outbox: OutboxReader;
  fanout: Fanout;
  escalateAfter: Record<SeverityName, number | null>;
  log: Logger;
}

/** The composition root of the domain: one instance of each service per server. */
export function createServices(deps: ServiceDeps) {
  const audit = new AuditService();
  // ── signals and alerts ──
  const alerts = new AlertService({ db: deps.db, audit, outbox: deps.outbox, escalateAfter: deps.escalateAfter, log: deps.log, now: deps.now });
  const signals = new SignalService({ db: deps.db, audit, alerts, outbox: deps.outbox, now: deps.now });
  return {
    alerts,
    signals,
    fanout: deps.fanout,
    audit,
    auth: new AuthService({ db: deps.db, audit, tokenTtlMinutes: deps.tokenTtlMinutes, onSessionRevoked: deps.onSessionRevoked, now: deps.now }),
    districts: new DistrictService({ db: deps.db, defaultMunicipalityCode: deps.defaultMunicipalityCode }),
  };
}
export type Services = ReturnType<typeof createServices>;
