import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import { sessionModuleEvents } from "./session.events.js";
import { invitationIcsRoute } from "./session.http.js";
import { createSessionLoaders } from "./session.loaders.js";
import { sessionPersonalData, sessionRetention } from "./session.personal-data.js";
import { sessionResolvers } from "./session.resolvers.js";
import { SessionService } from "./session.service.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    sessions: SessionService;
  }
  interface LoaderRegistry extends ReturnType<typeof createSessionLoaders> {}
}

/** Theme sessions, invitations with personal links, RSVPs with a fair waitlist, attendance. */
export const sessionModule: FeatureModule = {
  name: "session",
  typeDefs: sdlOf(import.meta.url),
  resolvers: sessionResolvers,
  loaders: createSessionLoaders,
  events: sessionModuleEvents,
  personalData: sessionPersonalData,
  retention: ({ sessions }) => [sessionRetention(sessions)],
  services: ({ db, outbox, config, publicUrl }, { audit, notifications, contacts }) => {
    const sessions = new SessionService({
      db,
      audit,
      notifications,
      outbox,
      publicUrl,
      retentionDays: config.RSVP_RETENTION_DAYS,
    });
    // A withdrawn SESSION_INVITATIONS consent revokes the contact's open invitations.
    contacts.onConsentWithdrawn((tx, e) => sessions.revokeForWithdrawnConsent(tx, e));
    return { sessions };
  },
  jobs: ({ sessions }, { config }) => [
    { name: "session-reminders", lane: "sweep", intervalMs: config.SWEEP_INTERVAL_MS, run: (now) => sessions.sweepReminders(now) },
  ],
  routes: ({ sessions }) => [invitationIcsRoute({ sessions })],
};
