import type { Resolvers } from "../../generated/graphql.js";
import { AppError } from "../../core/errors.js";

export const ssoResolvers: Resolvers = {
  Query: {
    // Public on purpose: the login page shows the button before anyone is logged in.
    ssoProvider: (_p, _a, ctx) => {
      const sso = ctx.services.sso;
      return sso ? { label: sso.label, startUrl: "/auth/oidc/start" } : null;
    },
  },
  Mutation: {
    completeSsoLogin: (_p, { code }, ctx) => {
      const sso = ctx.services.sso;
      if (!sso) throw new AppError("NOT_FOUND", "Single sign-on is not configured.", { entity: "SsoProvider" });
      return sso.complete(code, ctx.requestId);
    },
  },
};
