import type { FeatureModule } from "../../kernel/module.js";
import { sdlOf } from "../../kernel/module.js";
import { ssoRoutes } from "./sso.http.js";
import { ssoPersonalData, ssoRetention } from "./sso.personal-data.js";
import { ssoResolvers } from "./sso.resolvers.js";
import { parseDomains, parseRoleMap } from "./sso.rules.js";
import { SsoService } from "./sso.service.js";

declare module "../../kernel/context.js" {
  interface ServiceRegistry {
    /** Null when OIDC_ISSUER_URL is not set. */
    sso: SsoService | null;
  }
}

/** OpenID Connect single sign-on for staff. */
export const ssoModule: FeatureModule = {
  name: "sso",
  typeDefs: sdlOf(import.meta.url),
  resolvers: ssoResolvers,
  personalData: ssoPersonalData,
  retention: () => [ssoRetention],
  services: ({ db, config, log }, { auth, audit }) => {
    if (!config.OIDC_ISSUER_URL) return { sso: null };
    const allowedDomains = parseDomains(config.OIDC_ALLOWED_EMAIL_DOMAINS);
    if (!config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET || allowedDomains.length === 0) {
      throw new Error("OIDC_ISSUER_URL needs OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_ALLOWED_EMAIL_DOMAINS");
    }
    // The identity provider only redirects to the URI registered with it: it cannot follow
    // whatever address this instance happens to listen on.
    if (!config.PUBLIC_URL)
      throw new Error("OIDC_ISSUER_URL needs PUBLIC_URL (the redirect URI registered at the provider is PUBLIC_URL/auth/oidc/callback)");
    const publicUrl = config.PUBLIC_URL.replace(/\/$/, "");
    return {
      sso: new SsoService(
        {
          issuer: new URL(config.OIDC_ISSUER_URL),
          clientId: config.OIDC_CLIENT_ID,
          clientSecret: config.OIDC_CLIENT_SECRET,
          label: config.OIDC_LABEL,
          allowedDomains,
          roleClaim: config.OIDC_ROLE_CLAIM || null,
          roleMap: parseRoleMap(config.OIDC_ROLE_MAP),
          allowInsecureHttp: config.OIDC_ALLOW_INSECURE_HTTP === "true",
          redirectUri: `${publicUrl}/auth/oidc/callback`,
          publicUrl,
          municipalityCode: config.MUNICIPALITY_CODE,
        },
        { db, auth, audit, log },
      ),
    };
  },
  routes: ({ sso }) => (sso ? [ssoRoutes({ sso, publicUrl: sso.publicUrl, log: sso.log })] : []),
};
