import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import type { Role } from "../../generated/prisma/enums.js";
import { createAuthLoaders } from "./auth.loaders.js";
import { authPersonalData, authRetention } from "./auth.personal-data.js";
import { authResolvers } from "./auth.resolvers.js";
import { AuthService } from "./auth.service.js";
import { SessionCache } from "./session-cache.js";
import { doublingTiers } from "../../platform/rate-limit.js";
import { TwoFactorService } from "./two-factor.service.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    auth: AuthService;
    twoFactor: TwoFactorService;
  }
  interface LoaderRegistry extends ReturnType<typeof createAuthLoaders> {}
}

/** Accounts, login sessions and who the caller is. */
export const authModule: FeatureModule = {
  name: "auth",
  typeDefs: sdlOf(import.meta.url),
  resolvers: authResolvers,
  loaders: createAuthLoaders,
  personalData: authPersonalData,
  retention: (_services, { config }) => [authRetention(config.RETENTION_AUTH_SESSION_DAYS)],
  services: ({ db, config, rateLimiter, revokeSession, onSessionRevoked, doorbell }, { audit }) => {
    const sessionCache =
      config.AUTH_SESSION_CACHE_SECONDS > 0
        ? new SessionCache({
            ttlMs: config.AUTH_SESSION_CACHE_SECONDS * 1000,
            maxEntries: 50_000,
            revocationsArrive: () => doorbell.connected,
          })
        : undefined;
    // A revocation on any instance rings here: the session is never served from the cache again.
    if (sessionCache) onSessionRevoked((sessionId) => sessionCache.evictSession(sessionId));
    return {
      auth: new AuthService({
        db,
        audit,
        rateLimiter,
        rateLimits: {
          loginPerAccountAddress: doublingTiers("login:account-address", config.RATE_LIMIT_LOGIN_PER_ACCOUNT_ADDRESS),
          loginPerAccount: { name: "login:account", limit: config.RATE_LIMIT_LOGIN_PER_ACCOUNT, windowMs: 15 * 60_000 },
          loginPerAddress: { name: "login:address", limit: config.RATE_LIMIT_LOGIN_PER_ADDRESS, windowMs: 15 * 60_000 },
        },
        tokenTtlMinutes: config.AUTH_TOKEN_TTL_MINUTES,
        twoFactorRequiredRoles: requiredRoles(config.TWO_FACTOR_REQUIRED_ROLES),
        onSessionRevoked: revokeSession,
        sessionCache,
      }),
      twoFactor: new TwoFactorService({
        db,
        audit,
        rateLimiter,
        rateLimit: { name: "2fa:account", limit: config.RATE_LIMIT_TWO_FACTOR_PER_ACCOUNT, windowMs: 15 * 60_000 },
        tokenTtlMinutes: config.AUTH_TOKEN_TTL_MINUTES,
        requiredRoles: requiredRoles(config.TWO_FACTOR_REQUIRED_ROLES),
      }),
    };
  },
};

function requiredRoles(list: string): Role[] {
  return list
    .split(",")
    .map((r) => r.trim())
    .filter((r): r is Role => r === "ADMIN" || r === "COORDINATOR" || r === "POLICE_LIAISON" || r === "ALLY" || r === "COMPLAINTS_HANDLER");
}
