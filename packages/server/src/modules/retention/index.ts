import type { FeatureModule } from "../../kernel/module.js";
import { RetentionService } from "./retention.service.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    retention: RetentionService;
  }
}

/** Keeps only what may be kept: the periodic retention sweep (periods are configuration). */
export const retentionModule: FeatureModule = {
  name: "retention",
  typeDefs: [],
  services: ({ db, config }, { audit, contacts }) => ({
    retention: new RetentionService({
      db,
      audit,
      contacts,
      policy: {
        authSessionDays: config.RETENTION_AUTH_SESSION_DAYS,
        contactInactiveAfterDays: config.RETENTION_CONTACT_INACTIVE_AFTER_DAYS,
        contactAnonymiseAfterInactiveDays: config.RETENTION_CONTACT_ANONYMISE_AFTER_DAYS,
        signalAnonymiseDays: config.RETENTION_SIGNAL_ANONYMISE_DAYS,
        signalDeleteDays: config.RETENTION_SIGNAL_DELETE_DAYS,
        outboxDays: config.RETENTION_OUTBOX_DAYS,
      },
    }),
  }),
  jobs: ({ retention }, { config, log }) => [
    {
      name: "retention",
      lane: "retention",
      intervalMs: config.RETENTION_SWEEP_INTERVAL_MS,
      run: async (now) => {
        const report = await retention.run(now);
        if (report) log.info({ retention: report }, "retention sweep done");
      },
    },
  ],
};
