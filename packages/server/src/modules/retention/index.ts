import type { FeatureModule } from "../../kernel/module.js";
import { outboxRetention } from "../../kernel/platform.personal-data.js";
import { RetentionService } from "./retention.service.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    retention: RetentionService;
  }
}

/**
 * Keeps only what may be kept: the periodic retention sweep runs every feature's
 * retention steps (periods are configuration). Listed last: the steps use the services
 * of every feature above it.
 */
export const retentionModule: FeatureModule = {
  name: "retention",
  typeDefs: [],
  services: ({ db, config }, services, kernel) => ({
    retention: new RetentionService({
      db,
      steps: [...kernel.retentionSteps(services), outboxRetention(config.RETENTION_OUTBOX_DAYS)],
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
