import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import { createAlertDeliveryLoaders } from "./alert-delivery.loaders.js";
import { alertDeliveryPersonalData } from "./alert-delivery.personal-data.js";
import { createPushSender } from "./alert-delivery.push.js";
import { alertDeliveryResolvers } from "./alert-delivery.resolvers.js";
import { AlertDeliveryService } from "./alert-delivery.service.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    alertDelivery: AlertDeliveryService;
  }
  interface LoaderRegistry extends ReturnType<typeof createAlertDeliveryLoaders> {}
}

/**
 * Alerts beyond the live console: Web Push to the recipient's devices, the email fallback,
 * per-user notification rules and a receipt per alert and channel. Works off the signal
 * module's Alert rows and its ALERT_RAISED outbox events; never decides who is alerted.
 */
export const alertDeliveryModule: FeatureModule = {
  name: "alert-delivery",
  typeDefs: sdlOf(import.meta.url),
  resolvers: alertDeliveryResolvers,
  loaders: createAlertDeliveryLoaders,
  personalData: alertDeliveryPersonalData,
  services: ({ db, mailer, config, log, publicUrl, outbox }, { audit }) => {
    const push = createPushSender({
      publicKey: config.VAPID_PUBLIC_KEY,
      privateKey: config.VAPID_PRIVATE_KEY,
      subject: config.VAPID_SUBJECT,
    });
    if (!push) log.info("web push off: VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT are not all set");
    const alertDelivery = new AlertDeliveryService({
      db,
      audit,
      mailer,
      publicUrl,
      log,
      push,
      endpointHosts: config.WEB_PUSH_ENDPOINT_HOSTS,
      emailFallbackSeconds: config.ALERT_EMAIL_FALLBACK_SECONDS,
      retryBaseMs: config.ALERT_DELIVERY_RETRY_BASE_MS,
      maxAttempts: config.ALERT_DELIVERY_MAX_ATTEMPTS,
    });
    // Every delivering instance follows the outbox: new alerts are planned and pushed at once
    // (the doorbell), not at the next sweep. An instance with the interval at 0 delivers nothing.
    if (config.ALERT_DELIVERY_INTERVAL_MS > 0) outbox.listen((events) => alertDelivery.onOutboxEvents(events));
    return { alertDelivery };
  },
  jobs: ({ alertDelivery }, { config }) => [
    {
      name: "alert-delivery",
      lane: "alert-delivery",
      intervalMs: config.ALERT_DELIVERY_INTERVAL_MS,
      run: (now) => alertDelivery.sweep(now),
    },
  ],
};
