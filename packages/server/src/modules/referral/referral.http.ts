import type { IncomingMessage, ServerResponse } from "node:http";
import { REFERRAL_TARGET, type ReferralService } from "./referral.service.js";

/**
 * `GET /referral?district=<id>` (or `?municipality=<code>`): counts one referral for the
 * district and month and sends the browser on to the independent anti-discrimination service
 * (303). Nothing about the request is stored: no address, no time, no referrer; the counter is
 * the only write. A failure to count never stops the person from reaching the service.
 */
export function referralRoute(deps: { referrals: ReferralService; log?: (err: unknown) => void }) {
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> => {
    if (pathname !== "/referral" || (req.method !== "GET" && req.method !== "HEAD")) return false;
    if (req.method === "GET") {
      const params = new URL(req.url ?? "/", "http://localhost").searchParams;
      try {
        await deps.referrals.follow({ districtId: params.get("district"), municipalityCode: params.get("municipality") });
      } catch (err) {
        deps.log?.(err);
      }
    }
    res.writeHead(303, { location: REFERRAL_TARGET, "cache-control": "no-store", "referrer-policy": "no-referrer" });
    res.end();
    return true;
  };
}
