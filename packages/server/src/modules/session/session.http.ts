import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../../core/errors.js";
import type { SessionService } from "./session.service.js";

const ROUTE = /^\/ics\/invitation\/([A-Za-z0-9_-]{1,100})\.ics$/;

/**
 * `GET /ics/invitation/<token>.ics`: the invitation's calendar file, for "add to calendar"
 * links and calendar apps that fetch a URL. Same token rules as the GraphQL field
 * (unknown → 404, expired → 410), no account needed.
 */
export function invitationIcsRoute(deps: { sessions: SessionService }) {
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> => {
    const match = ROUTE.exec(pathname);
    if (!match || (req.method !== "GET" && req.method !== "HEAD")) return false;
    try {
      const body = await deps.sessions.invitationIcs(match[1]!);
      res.writeHead(200, {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": `attachment; filename="themasessie.ics"`,
        "cache-control": "no-store",
        "content-length": Buffer.byteLength(body),
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const status = err.code === "UNAUTHENTICATED" ? 410 : 404;
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
      res.end(err.message);
    }
    return true;
  };
}
