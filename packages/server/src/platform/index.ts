import { join } from "node:path";
import { EMBEDDED_POOL_OPTIONS, startEmbeddedPostgres, type EmbeddedPostgres } from "@wijknet/embedded-postgres";
import { migrateDeploy, migrationsUpToDate } from "./db/migrate.js";
import { createDatabase, type Database, type Db } from "./db/prisma.js";
import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import { createMailer, type Mailer } from "./mail/mailer.js";
import { PublicUrl } from "./public-url.js";
import { Metrics } from "./metrics.js";
import { CountingRateLimiter, MemoryRateLimiter, RedisRateLimiter, rateLimitPrefix, type RateLimiter } from "./rate-limit.js";
import { InProcessDoorbell, RedisDoorbell, type Doorbell } from "./realtime/doorbell.js";
import { Fanout } from "./realtime/fanout.js";
import { OutboxReader } from "./realtime/outbox.js";

/** The engines every feature may use, started before any feature. */
export interface Platform {
  config: Config;
  log: Logger;
  db: Db;
  database: Database;
  /** "embedded" (PGlite in DATA_DIR) or "external" (DATABASE_URL). */
  databaseMode: "embedded" | "external";
  doorbell: Doorbell;
  /** This instance's follower of the event outbox, and the fan-out to its live subscribers. */
  outbox: OutboxReader;
  fanout: Fanout;
  rateLimiter: RateLimiter;
  /** This instance's Prometheus metrics (served on METRICS_PORT when set). */
  metrics: Metrics;
  mailer: Mailer;
  /** The base of every link in email (PUBLIC_URL, else the address listened on). */
  publicUrl: PublicUrl;
  /** Where the local mailbox is when no SMTP_URL is set. */
  mailboxDir: string;
  /** Tells every instance that a login session ended, so its sockets close everywhere. */
  revokeSession(sessionId: string): void;
  /** Runs `listener` on this instance whenever any instance revokes a session. */
  onSessionRevoked(listener: (sessionId: string) => void): () => void;
}

/** Whether this boot applies pending migrations (see DB_MIGRATE). */
export function shouldMigrate(config: Pick<Config, "DB_MIGRATE" | "NODE_ENV">, embedded: boolean): boolean {
  if (config.DB_MIGRATE === "never") return false;
  return embedded || config.DB_MIGRATE === "always" || config.NODE_ENV !== "test";
}

const REVOKED_CHANNEL = "wijknet:auth:session-revoked";

/**
 * Starts (or connects to) the database, migrates an embedded one, then the doorbell,
 * rate limiter, mailer and the outbox follower. `afterDatabase` runs before anything
 * reads the database (the demo seed). Cleanups are pushed in start order; the caller
 * runs them in reverse.
 */
export async function startPlatform(
  config: Config,
  log: Logger,
  cleanups: Array<() => Promise<void>>,
  afterDatabase?: (db: Db, mode: Platform["databaseMode"]) => Promise<void>,
): Promise<Platform> {
  let databaseUrl = config.DATABASE_URL;
  let embedded: EmbeddedPostgres | null = null;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: join(config.DATA_DIR, "pgdata"), log: (msg) => log.info(msg) });
    const e = embedded;
    cleanups.push(() => e.stop());
    databaseUrl = embedded.connectionString;
    log.info({ dataDir: config.DATA_DIR }, "embedded PostgreSQL started");
  }
  if (shouldMigrate(config, embedded !== null)) {
    const started = Date.now();
    if (await migrationsUpToDate(databaseUrl)) {
      log.info({ ms: Date.now() - started }, "database migrations up to date");
    } else {
      // Concurrent instances are safe: prisma migrate deploy takes an advisory lock.
      await migrateDeploy(databaseUrl, (line) => log.debug({ prisma: line }));
      log.info({ ms: Date.now() - started }, "database migrations applied");
    }
  }
  const databaseMode = embedded ? "embedded" : "external";

  const database = createDatabase({
    url: databaseUrl,
    poolMax: embedded ? EMBEDDED_POOL_OPTIONS.max : config.DB_POOL_MAX,
    pool: embedded ? EMBEDDED_POOL_OPTIONS : {},
    onPoolError: (err) => log.warn({ err: err.message }, "idle database connection failed"),
  });
  cleanups.push(() => database.close());
  await afterDatabase?.(database.prisma, databaseMode);

  const doorbell: Doorbell = config.REDIS_URL ? new RedisDoorbell(config.REDIS_URL, log) : new InProcessDoorbell();
  cleanups.push(() => doorbell.close());
  const metrics = new Metrics();
  const rateLimiter: RateLimiter = new CountingRateLimiter(
    config.REDIS_URL ? new RedisRateLimiter(config.REDIS_URL, log, rateLimitPrefix(databaseUrl)) : new MemoryRateLimiter(),
    (rule) => metrics.rateLimitRefused(rule),
  );
  cleanups.push(() => rateLimiter.close());
  const mailboxDir = join(config.DATA_DIR, "mailbox");
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, mailboxDir });
  cleanups.push(() => mailer.close());

  const outbox = new OutboxReader({ db: database.prisma, doorbell, log, pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS });
  await outbox.start();
  cleanups.push(() => outbox.stop());
  // Half the pool at most for subscribers catching up; the other half serves everything else.
  const fanout = new Fanout(outbox, log, Math.max(1, Math.floor((embedded ? EMBEDDED_POOL_OPTIONS.max : config.DB_POOL_MAX) / 2)));
  cleanups.push(async () => fanout.stop());

  return {
    config,
    log,
    db: database.prisma,
    database,
    databaseMode,
    doorbell,
    outbox,
    fanout,
    rateLimiter,
    metrics,
    mailer,
    publicUrl: new PublicUrl(config.PUBLIC_URL),
    mailboxDir,
    // Sockets of a revoked session may live on any instance: ring them all.
    revokeSession: (sessionId) => void doorbell.ring(REVOKED_CHANNEL, sessionId),
    onSessionRevoked: (listener) => doorbell.listen(REVOKED_CHANNEL, listener),
  };
}
