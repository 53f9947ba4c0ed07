import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { Logger } from "../../platform/logger.js";
import { SsoRefused, type SsoService } from "./sso.service.js";

/**
 * `GET /auth/oidc/start` sends the browser to the identity provider; `GET /auth/oidc/callback`
 * takes it back and sends it to the web app's `/inloggen/sso#code=<one-time code>` (a fragment:
 * it never reaches a server log), or `/inloggen/sso#error=<reason>` when refused.
 */
export function ssoRoutes(deps: { sso: SsoService; publicUrl: string; log: Logger }) {
  const web = deps.publicUrl.replace(/\/$/, "");
  const redirect = (res: ServerResponse, location: string) => {
    res.writeHead(302, { location, "cache-control": "no-store", "referrer-policy": "no-referrer" });
    res.end();
  };
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> => {
    if (req.method !== "GET") return false;
    if (pathname === "/auth/oidc/start") {
      try {
        redirect(res, (await deps.sso.start()).toString());
      } catch (err) {
        deps.log.warn({ err: (err as Error).message }, "single sign-on: identity provider unreachable");
        redirect(res, `${web}/inloggen/sso#error=UNAVAILABLE`);
      }
      return true;
    }
    if (pathname === "/auth/oidc/callback") {
      const requestId = randomUUID();
      const current = new URL(req.url ?? "/", deps.publicUrl);
      try {
        const code = await deps.sso.callback(current, requestId);
        redirect(res, `${web}/inloggen/sso#code=${code}`);
      } catch (err) {
        const reason = err instanceof SsoRefused ? err.reason : "UNAVAILABLE";
        deps.log.warn({ reason, detail: (err as Error).message, requestId }, "single sign-on refused");
        redirect(res, `${web}/inloggen/sso#error=${reason}`);
      }
      return true;
    }
    return false;
  };
}
