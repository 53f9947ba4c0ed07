import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import { createAccountLoaders } from "./account.loaders.js";
import { accountPersonalData, accountRetention } from "./account.personal-data.js";
import { accountResolvers } from "./account.resolvers.js";
import { AccountService } from "./account.service.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    accounts: AccountService;
  }
  interface LoaderRegistry extends ReturnType<typeof createAccountLoaders> {}
}

const HOUR = 3_600_000;

/** User administration, invitations and password resets by email, one's own account. */
export const accountModule: FeatureModule = {
  name: "account",
  typeDefs: sdlOf(import.meta.url),
  resolvers: accountResolvers,
  loaders: createAccountLoaders,
  personalData: accountPersonalData,
  retention: (_services, { config }) => [accountRetention(config.RETENTION_AUTH_SESSION_DAYS)],
  services: ({ db, config, rateLimiter }, { audit, auth, notifications, partners }) => ({
    accounts: new AccountService({
      db,
      audit,
      partners,
      auth,
      notifications,
      rateLimiter,
      rateLimits: {
        resetPerAccount: { name: "reset:account", limit: config.RATE_LIMIT_PASSWORD_RESET_PER_ACCOUNT, windowMs: HOUR },
        resetPerAddress: { name: "reset:address", limit: config.RATE_LIMIT_PASSWORD_RESET_PER_ADDRESS, windowMs: HOUR },
        changePassword: { name: "password:change", limit: config.RATE_LIMIT_LOGIN_PER_ACCOUNT, windowMs: 15 * 60_000 },
      },
      invitationTtlHours: config.ACCOUNT_INVITATION_TTL_HOURS,
      resetTtlMinutes: config.PASSWORD_RESET_TTL_MINUTES,
    }),
  }),
};
