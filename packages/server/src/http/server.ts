import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { Context } from "../kernel/context.js";
import type { Logger } from "../platform/logger.js";
import type { Metrics } from "../platform/metrics.js";
import { HttpError, readBody } from "./body.js";
import { createStaticHandler } from "./static-files.js";

/** GraphQL documents are small; anything larger is abuse. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface HttpAppOptions {
  apollo: ApolloServer<Context>;
  /** Builds the per-request context from the Authorization header. */
  buildContext(
    authorization: string | undefined,
    requestId: string,
    clientAddress: string | null,
    acceptLanguage: string | null,
  ): Promise<Context>;
  /** The deployment is reached over https (PUBLIC_URL): send Strict-Transport-Security. */
  https?: boolean;
  /** Take the client address from X-Forwarded-For (only behind a trusted proxy). */
  trustProxy?: boolean;
  /** Database and doorbell checks for /readyz. */
  readiness(): Promise<{ required: Record<string, boolean>; optional: Record<string, boolean> }>;
  webDist?: string | undefined;
  /** Feature routes outside GraphQL (e.g. .ics downloads); each returns true when it answered. */
  routes?: ReadonlyArray<(req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<boolean>>;
  log: Logger;
  /** Request counts and latencies by route (never by full path: no ids or tokens in labels). */
  metrics?: Pick<Metrics, "httpRequest">;
}

/** Common headers; the strict CSP for the web app lives here too. */
const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  // The app uses none of these; push notifications need no permission listed here.
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function createHttpServer(opts: HttpAppOptions): Server {
  const serveStatic = opts.webDist ? createStaticHandler(opts.webDist) : null;

  async function handleGraphql(req: IncomingMessage, res: ServerResponse, search: string): Promise<void> {
    const requestId = randomUUID();
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    let body: unknown;
    if (req.method === "POST") {
      const raw = await readBody(req, MAX_BODY_BYTES);
      const type = headers.get("content-type") ?? "";
      if (type.startsWith("application/json") || type.startsWith("application/graphql-response+json")) {
        try {
          body = raw.length ? JSON.parse(raw) : undefined;
        } catch {
          throw new HttpError(400, "Request body is not valid JSON.");
        }
      } else {
        body = raw;
      }
    }
    const response = await opts.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search, body },
      context: () =>
        opts.buildContext(
          req.headers.authorization,
          requestId,
          clientAddressOf(req, opts.trustProxy ?? false),
          req.headers["accept-language"] ?? null,
        ),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  // HSTS only where the deployment is reached over https (it would lock a plain-http test host out).
  const headers = opts.https
    ? { ...SECURITY_HEADERS, "strict-transport-security": "max-age=31536000; includeSubDomains" }
    : SECURITY_HEADERS;
  return createServer(async (req, res) => {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    const url = new URL(req.url ?? "/", "http://localhost");
    let route = "not_found";
    if (opts.metrics) {
      const started = performance.now();
      const metrics = opts.metrics;
      res.once("finish", () => metrics.httpRequest(route, res.statusCode, (performance.now() - started) / 1000));
    }
    try {
      if (url.pathname === "/healthz" || url.pathname === "/readyz" || url.pathname === "/graphql") route = url.pathname;
      if (url.pathname === "/healthz") return sendJson(res, 200, { status: "ok" });
      if (url.pathname === "/readyz") {
        // Only what stops this instance from serving makes it unready (the database); a
        // Redis outage is "degraded": instances keep serving and deliver by polling, and a
        // load balancer must not take the whole deployment out for it.
        const { required, optional } = await opts.readiness();
        const ready = Object.values(required).every(Boolean);
        const status = !ready ? "not ready" : Object.values(optional).every(Boolean) ? "ready" : "degraded";
        return sendJson(res, ready ? 200 : 503, { status, checks: { ...required, ...optional } });
      }
      if (url.pathname === "/graphql") return await handleGraphql(req, res, url.search);
      route = "feature";
      for (const featureRoute of opts.routes ?? []) if (await featureRoute(req, res, url.pathname)) return;
      route = "static";
      if (serveStatic && (await serveStatic(req, res, url.pathname))) return;
      route = "not_found";
      sendJson(res, 404, { error: "Not found" });
    } catch (err) {
      if (err instanceof HttpError) {
        if (!res.headersSent) sendJson(res, err.status, { errors: [{ message: err.message, extensions: { code: "BAD_REQUEST" } }] });
        else res.destroy();
        return;
      }
      opts.log.error({ err, path: url.pathname }, "http request failed");
      if (!res.headersSent)
        sendJson(res, 500, { errors: [{ message: "Internal server error.", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
      else res.destroy();
    }
  });
}

/** The caller's address: the socket's, or behind a trusted proxy the first X-Forwarded-For entry. */
export function clientAddressOf(req: IncomingMessage, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first.slice(0, 64);
  }
  return req.socket.remoteAddress ?? null;
}
