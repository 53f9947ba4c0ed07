import { hostname } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The repository root (packages/server/src/config.ts → ../../..). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/**
 * Every environment variable the server reads, parsed once at boot.
 * Each entry's description is what README.md documents; `pnpm --filter @wijknet/server start --help`
 * is not needed: a wrong value fails the boot with a message naming the variable.
 */
const schema = z.object({
  NODE_ENV: z
    .enum(["development", "test", "production"])
    .default("development")
    .describe("production turns off introspection and field suggestions and serves the built web app"),
  HOST: z.string().min(1).default("127.0.0.1").describe("address to listen on; 0.0.0.0 behind a load balancer"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000).describe("HTTP and WebSocket port (0 = any free port)"),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/ })
    .optional()
    .describe("PostgreSQL connection string; unset = embedded PostgreSQL (PGlite) in DATA_DIR with demo data"),
  DATA_DIR: z
    .string()
    .min(1)
    .default(resolve(REPO_ROOT, ".wijknet"))
    .describe("folder of the embedded database (only used without DATABASE_URL)"),
  DB_MIGRATE: z
    .enum(["auto", "always", "never"])
    .default("auto")
    .describe(
      "apply pending migrations (prisma migrate deploy) at boot: auto = always for the embedded database, and for DATABASE_URL unless NODE_ENV=test",
    ),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10).describe("PostgreSQL connections per instance"),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/ })
    .optional()
    .describe("Redis for the realtime doorbell between instances; unset = in-process doorbell (one instance only)"),
  MUNICIPALITY_CODE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{2,40}$/, "a municipality code such as GM0344 (the CBS code)")
    .default("GM0344")
    .describe("the municipality anonymous callers see (district names are public)"),
  AUTH_TOKEN_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(12 * 60)
    .describe("how long a login token stays valid"),
  AUTH_SESSION_CACHE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(300)
    .default(30)
    .describe(
      "how long a resolved login session is reused without asking the database; revocations (logout, disable, role change) still apply at once on every instance through the doorbell, and nothing is reused while it is down; 0 = off",
    ),
  SEED_DEMO: z
    .enum(["auto", "always", "never"])
    .default("auto")
    .describe("auto = seed demo data into an empty embedded database; never with DATABASE_URL unless 'always'"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info")
    .describe("how much the server logs (JSON lines on stdout)"),
  INSTANCE_ID: z.string().min(1).default(`${hostname()}-${process.pid}`).describe("name of this instance in logs and the readiness answer"),
  RATE_LIMIT_LOGIN_PER_ACCOUNT_ADDRESS: z.coerce
    .number()
    .int()
    .min(1)
    .default(5)
    .describe(
      "login attempts at one account from one address per minute; twice that per 15 minutes, four times per hour (a back-off that doubles; a success resets it)",
    ),
  RATE_LIMIT_LOGIN_PER_ACCOUNT: z.coerce
    .number()
    .int()
    .min(1)
    .default(100)
    .describe("login attempts at one account per 15 minutes over all addresses: the ceiling for guessing spread over many addresses"),
  RATE_LIMIT_LOGIN_PER_ADDRESS: z.coerce
    .number()
    .int()
    .min(1)
    .default(100)
    .describe("login attempts per client address per 15 minutes, over all accounts"),
  ACCOUNT_INVITATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72)
    .describe("how long a new account's set-password link stays valid (one use)"),
  PASSWORD_RESET_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60)
    .describe("how long a 'forgot password' link stays valid (one use)"),
  RATE_LIMIT_PASSWORD_RESET_PER_ACCOUNT: z.coerce
    .number()
    .int()
    .min(1)
    .default(3)
    .describe("'forgot password' requests per email address per hour (the answer stays the same)"),
  RATE_LIMIT_PASSWORD_RESET_PER_ADDRESS: z.coerce
    .number()
    .int()
    .min(1)
    .default(20)
    .describe("'forgot password' requests and set-password attempts per client address per hour"),
  TWO_FACTOR_REQUIRED_ROLES: z
    .string()
    .regex(
      /^\s*((ADMIN|COORDINATOR|POLICE_LIAISON|ALLY|COMPLAINTS_HANDLER)\s*(,\s*(ADMIN|COORDINATOR|POLICE_LIAISON|ALLY|COMPLAINTS_HANDLER)\s*)*)?$/,
      "a list such as ADMIN,COORDINATOR,POLICE_LIAISON",
    )
    .default("")
    .describe(
      "roles that must use two-factor authentication (TOTP); production: ADMIN,COORDINATOR,POLICE_LIAISON. Their first login may only enrol",
    ),
  RATE_LIMIT_TWO_FACTOR_PER_ACCOUNT: z.coerce
    .number()
    .int()
    .min(1)
    .default(5)
    .describe("wrong two-factor codes per account per 15 minutes before RATE_LIMITED"),
  OIDC_ISSUER_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe("OpenID Connect single sign-on for staff: the identity provider's issuer URL; unset = no single sign-on"),
  OIDC_CLIENT_ID: z.string().min(1).optional().describe("the client id wijknet has at the identity provider"),
  OIDC_CLIENT_SECRET: z.string().min(1).optional().describe("the client secret wijknet has at the identity provider"),
  OIDC_LABEL: z
    .string()
    .min(1)
    .max(60)
    .default("je organisatie")
    .describe("the organisation's name on the login button ('Inloggen met …')"),
  OIDC_ALLOWED_EMAIL_DOMAINS: z
    .string()
    .default("")
    .describe(
      "comma-separated email domains that may sign in through single sign-on (e.g. utrecht.nl,politie.nl); required with OIDC_ISSUER_URL",
    ),
  OIDC_ROLE_CLAIM: z
    .string()
    .default("")
    .describe(
      "ID token claim (string or list) mapped to a role by OIDC_ROLE_MAP; unset = the admin assigns roles (only existing accounts sign in)",
    ),
  OIDC_ROLE_MAP: z
    .string()
    .default("")
    .describe(
      "claim value → role, e.g. wijknet-coordinatoren:COORDINATOR,wijkagenten:POLICE_LIAISON; a new account is created with the mapped role",
    ),
  OIDC_ALLOW_INSECURE_HTTP: z
    .enum(["true", "false"])
    .default("false")
    .describe("lets single sign-on talk plain http to the identity provider (tests on 127.0.0.1 only)"),
  RETENTION_AUTH_SESSION_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .default(30)
    .describe("expired or revoked login sessions are deleted this many days after they ended"),
  RETENTION_CONTACT_INACTIVE_AFTER_DAYS: z.coerce
    .number()
    .int()
    .min(30)
    .default(730)
    .describe("an active contact with no logged contact and no network membership for this long is flagged INACTIVE"),
  RETENTION_CONTACT_ANONYMISE_AFTER_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .default(365)
    .describe("a contact INACTIVE for this long is anonymised (erased, aggregates kept)"),
  RETENTION_SIGNAL_ANONYMISE_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .default(365)
    .describe(
      "a signal nobody changed for this long is anonymised (texts, place and reporter removed; kind, severity, district, dates kept)",
    ),
  RETENTION_SIGNAL_DELETE_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .default(1095)
    .describe("a signal is deleted, with its timeline and alerts, this long after it was reported"),
  RETENTION_OUTBOX_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .default(30)
    .describe("outbox events (the live feeds' replay log) older than this are deleted"),
  RETENTION_SWEEP_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(3_600_000)
    .describe(
      "how often each instance runs the retention sweep: every module's retention steps incl. RSVP data (one instance at a time); 0 = never",
    ),
  RATE_LIMIT_SIGNAL_REPORTS_PER_HOUR: z.coerce.number().int().min(1).default(30).describe("signal reports per account per hour"),
  WS_MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(10).describe("WebSocket connections one account may hold open at once"),
  TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true")
    .describe("true behind a reverse proxy: the client address for rate limits is the first X-Forwarded-For entry"),
  TRUSTED_DOCUMENTS: z
    .string()
    .min(1)
    .default("auto")
    .describe("auto = in production run only the web app's operations (WEB_DIST/trusted-documents.json); off; or a manifest path"),
  METRICS_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .optional()
    .describe("port of GET /metrics (Prometheus text format) on METRICS_HOST; unset = no metrics endpoint; 0 = any free port"),
  METRICS_HOST: z.string().min(1).default("127.0.0.1").describe("address the metrics endpoint listens on; keep it private"),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/ })
    .optional()
    .describe(
      "SMTP server for notification email (smtp://user:pass@host:587); unset = messages are written to DATA_DIR/mailbox/ as JSON files",
    ),
  MAIL_FROM: z.string().min(3).default("wijknet <no-reply@wijknet.example>").describe("From address of notification email"),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe(
      "public base URL of the web app (links in email: PUBLIC_URL/rsvp/<token>, account links PUBLIC_URL/wachtwoord/<token>); unset = the address this instance listens on, logged at boot",
    ),
  SWEEP_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3_600_000)
    .default(15_000)
    .describe("how often this instance runs the sweep job lane (session reminders, then notification delivery); 0 = never"),
  RSVP_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3650)
    .default(180)
    .describe("days after a theme session ends before its RSVP personal data (invitee link, guest names, sent messages) is erased"),
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(25 * 1024 * 1024)
    .describe("largest contact spreadsheet accepted by POST /import/contacts, in bytes (larger: 413)"),
  IMPORT_RETENTION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(168)
    .default(24)
    .describe("hours an uploaded contact spreadsheet is kept for its dry run, run and error file before the retention sweep deletes it"),
  WEB_DIST: z.string().optional().describe("built web app to serve at /; default packages/web/dist when it exists"),
  // Realtime delivery and alert escalation.
  OUTBOX_POLL_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(50)
    .max(60_000)
    .default(1_000)
    .describe("how often each instance reads the event outbox without a doorbell ring (the catch-up when Redis is down)"),
  ALERT_ESCALATE_AFTER: z
    .string()
    .regex(
      /^(\s*(LOW|MEDIUM|HIGH|CRITICAL)\s*:\s*(off|\d+(ms|s|m|h))\s*)(,\s*(LOW|MEDIUM|HIGH|CRITICAL)\s*:\s*(off|\d+(ms|s|m|h))\s*)*$/,
      "a list such as CRITICAL:5m,HIGH:15m,MEDIUM:60m,LOW:off",
    )
    .default("CRITICAL:5m,HIGH:15m,MEDIUM:60m,LOW:off")
    .describe(
      "per severity, how long an unacknowledged police alert waits before it escalates (to the backup liaisons, then the coordinator)",
    ),
  ESCALATION_SWEEP_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(50)
    .max(600_000)
    .default(10_000)
    .describe("how often each instance looks for alerts due to escalate (claimed with SKIP LOCKED: never twice)"),
  // Alert delivery beyond the live console: Web Push and email fallback (modules/alert-delivery).
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{80,100}$/, "the base64url public key from `pnpm --filter @wijknet/server vapid-keys`")
    .optional()
    .describe("Web Push VAPID public key (base64url); unset = push to devices is off (the account page says so)"),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{40,50}$/, "the base64url private key from `pnpm --filter @wijknet/server vapid-keys`")
    .optional()
    .describe("Web Push VAPID private key (base64url); keep it secret"),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:)/, "mailto:address or https: URL")
    .optional()
    .describe("Web Push VAPID subject: how the push service can reach the operator (mailto:… or https://…)"),
  WEB_PUSH_ENDPOINT_HOSTS: z
    .string()
    .min(1)
    .default("fcm.googleapis.com,*.push.services.mozilla.com,*.notify.windows.com,web.push.apple.com,*.push.apple.com")
    .describe(
      "push service hosts a device may register (comma list, *.domain for subdomains): the server POSTs only there; http only for loopback hosts",
    ),
  ALERT_EMAIL_FALLBACK_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(86_400)
    .default(300)
    .describe("an alert neither acknowledged nor delivered to an open console goes by email after this long (a user's rule may override)"),
  ALERT_DELIVERY_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(600_000)
    .default(1_000)
    .describe(
      "how often each instance sends due alert pushes and emails and retries (new alerts are pushed at once as well); 0 = this instance sends none (others do)",
    ),
  ALERT_DELIVERY_RETRY_BASE_MS: z.coerce
    .number()
    .int()
    .min(10)
    .max(3_600_000)
    .default(30_000)
    .describe("first retry delay of a failed alert push or email; doubles per try"),
  ALERT_DELIVERY_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(20)
    .default(5)
    .describe("tries of an alert push or email before it is marked FAILED (shown to the coordinator)"),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment; throws a ConfigError that names every wrong variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset": a `.env` line like `REDIS_URL=` must not fail the URL check.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

export type SeverityName = "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";

/** `CRITICAL:5m,HIGH:15m,…` → milliseconds per severity; `off` (or a missing severity) = never. */
export function parseEscalateAfter(value: string): Record<SeverityName, number | null> {
  const out: Record<SeverityName, number | null> = { LOW: null, MEDIUM: null, HIGH: null, CRITICAL: null };
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;
  for (const part of value.split(",")) {
    const [name, spec] = part.split(":").map((x) => x.trim()) as [SeverityName, string];
    const m = /^(\d+)(ms|s|m|h)$/.exec(spec);
    out[name] = m ? Number(m[1]) * unit[m[2] as keyof typeof unit] : null;
  }
  return out;
}

/** Variable names with their documentation, for README and `--help`. */
export function describeConfig(): Array<{ name: string; description: string }> {
  return Object.entries(schema.shape).map(([name, s]) => ({ name, description: s.description ?? "" }));
}
