import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import { parseEscalateAfter } from "../../platform/config.js";
import { AlertService } from "./alert.service.js";
import { signalModuleEvents } from "./signal.events.js";
import { createSignalLoaders } from "./signal.loaders.js";
import { signalPersonalData, signalRetention } from "./signal.personal-data.js";
import { signalResolvers } from "./signal.resolvers.js";
import { SignalService } from "./signal.service.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    alerts: AlertService;
    signals: SignalService;
  }
  interface LoaderRegistry extends ReturnType<typeof createSignalLoaders> {}
}

/**
 * Signals of tension and incidents, their triage timeline, and the alerts that carry
 * them to police liaisons and coordinators (with escalation). One module: alerts are
 * raised inside the signal's transaction and acknowledgements write its timeline.
 */
export const signalModule: FeatureModule = {
  name: "signal",
  typeDefs: sdlOf(import.meta.url),
  resolvers: signalResolvers,
  loaders: createSignalLoaders,
  events: signalModuleEvents,
  personalData: signalPersonalData,
  retention: ({ audit }, { config }) => [
    signalRetention(audit, { anonymiseDays: config.RETENTION_SIGNAL_ANONYMISE_DAYS, deleteDays: config.RETENTION_SIGNAL_DELETE_DAYS }),
  ],
  services: ({ db, outbox, log, rateLimiter, config }, { audit, guardFeedback, partners }) => {
    const alerts = new AlertService({ db, audit, outbox, escalateAfter: parseEscalateAfter(config.ALERT_ESCALATE_AFTER), log });
    const signals = new SignalService({
      db,
      audit,
      alerts,
      partners,
      outbox,
      log,
      rateLimiter,
      guardTally: guardFeedback,
      reportLimit: { name: "signal:report", limit: config.RATE_LIMIT_SIGNAL_REPORTS_PER_HOUR, windowMs: 60 * 60_000 },
    });
    return { alerts, signals };
  },
  jobs: ({ alerts }, { config }) => [
    // Every instance sweeps; SKIP LOCKED on the signal makes sure only one acts per signal.
    { name: "alert-escalation", lane: "escalation", intervalMs: config.ESCALATION_SWEEP_INTERVAL_MS, run: () => alerts.escalateDue() },
    // "Delivered" receipts are written behind the live path in batches; the last batch at shutdown.
    { name: "alert-delivery-receipts", lane: "receipts", intervalMs: 200, runOnStop: true, run: (now) => alerts.flushDeliveries(now) },
  ],
};
