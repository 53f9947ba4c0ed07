import DataLoader from "dataloader";
import { groupBy } from "../../core/loader-utils.js";
import type { FeatureModule } from "../../kernel/module.js";
import { notificationRepository, type MessageDeliveryRow } from "./notification.repository.js";
import { NotificationService } from "./notification.service.js";
import { notificationPersonalData } from "./notification.personal-data.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    notifications: NotificationService;
  }
  interface LoaderRegistry {
    /** The messages about an invitation and what became of them (for the coordinator). */
    deliveriesOfInvitation: DataLoader<string, MessageDeliveryRow[]>;
  }
}

/**
 * The notification outbox: messages other features enqueue in their transactions,
 * sent by email (or to the local mailbox) by a job.
 */
export const notificationModule: FeatureModule = {
  name: "notification",
  typeDefs: [],
  personalData: notificationPersonalData,
  loaders: (db) => ({
    deliveriesOfInvitation: new DataLoader<string, MessageDeliveryRow[]>(async (ids) =>
      groupBy(ids, await notificationRepository.findDeliveriesOfInvitations(db, ids), (n) => n.invitationId ?? ""),
    ),
  }),
  services: ({ db, mailer, config, log, publicUrl }, { audit }) => ({
    notifications: new NotificationService({ db, audit, mailer, publicUrl, instanceId: config.INSTANCE_ID, log }),
  }),
  jobs: ({ notifications }, { config }) => [
    // Last in its lane: the jobs before it (reminders, promotions) enqueue what it sends.
    {
      name: "notification-delivery",
      lane: "sweep",
      intervalMs: config.SWEEP_INTERVAL_MS,
      order: 100,
      run: (now) => notifications.deliverDue(now),
    },
  ],
};
