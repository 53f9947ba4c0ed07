import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { Config } from "./config.js";
import { REPO_ROOT, parseEscalateAfter } from "./config.js";
import { startEmbeddedPostgres, EMBEDDED_POOL_OPTIONS, type EmbeddedPostgres } from "@wijknet/embedded-postgres";
import { migrateDeploy } from "./db/migrate.js";
import { createDatabase, type Database } from "./db/prisma.js";
import type { Context, Viewer, WsOperation } from "./graphql/context.js";
import { maskError } from "./graphql/errors.js";
import { PARSE_OPTIONS, QueryLimitsRule } from "./graphql/limits.js";
import { resolveTrustedDocuments, trustedDocumentsPlugin } from "./graphql/trusted-documents.js";
import { createLoaders } from "./graphql/loaders.js";
import { buildSchema } from "./graphql/schema.js";
import { attachWebSocketServer, type WsHandle } from "./graphql/ws.js";
import { createHttpServer } from "./http/server.js";
import { createLogger, type Logger } from "./logger.js";
import { parseBearer } from "./modules/auth/token.js";
import { MemoryRateLimiter, RedisRateLimiter, rateLimitPrefix, rateLimitRules, type RateLimiter } from "./lib/rate-limit.js";
import { createMailer } from "./modules/notification/notification.mailer.js";
import { Sweeper } from "./modules/notification/sweeper.js";
import { invitationIcsRoute } from "./modules/session/session.http.js";
import { InProcessDoorbell, RedisDoorbell, type Doorbell } from "./realtime/doorbell.js";
import { Fanout } from "./realtime/fanout.js";
import { OutboxReader } from "./realtime/outbox.js";
import { seedDemoIfEmpty } from "./seed/demo.js";
import { createServices, type Services } from "./services.js";

export interface App {
  url: string;
  port: number;
  config: Config;
  log: Logger;
  db: Database;
  doorbell: Doorbell;
  services: Services;
  ws: WsHandle;
  /** Timed work (notifications, reminders, retention); `runOnce(now)` runs one pass. */
  sweeper: Sweeper;
  /** Where the local mailbox is when no SMTP_URL is set. */
  mailboxDir: string;
  /** Realtime: this instance's outbox follower and subscription fan-out. */
  outbox: OutboxReader;
  fanout: Fanout;
  /** Where the data lives: "embedded" (PGlite in DATA_DIR) or "external" (DATABASE_URL). */
  databaseMode: "embedded" | "external";
  stop(): Promise<void>;
}

const REVOKED_CHANNEL = "wijknet:auth:session-revoked";

/**
 * The composition root: starts (or connects to) the database, migrates and seeds the
 * embedded one, connects the doorbell, and serves HTTP and WebSocket on one port.
 */
export async function startApp(config: Config, log: Logger = createLogger(config)): Promise<App> {
  const cleanups: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const fn of cleanups.reverse()) {
      await fn().catch((err: unknown) => log.error({ err }, "shutdown step failed"));
    }
    cleanups.length = 0;
  };

  try {
    let databaseUrl = config.DATABASE_URL;
    let embedded: EmbeddedPostgres | null = null;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: join(config.DATA_DIR, "pgdata"), log: (msg) => log.info(msg) });
      const e = embedded;
      cleanups.push(() => e.stop());
      databaseUrl = embedded.connectionString;
      log.info({ dataDir: config.DATA_DIR }, "embedded PostgreSQL started; applying migrations");
      await migrateDeploy(databaseUrl, (line) => log.debug({ prisma: line }));
    }

    const db = createDatabase({
      url: databaseUrl,
      poolMax: embedded ? EMBEDDED_POOL_OPTIONS.max : config.DB_POOL_MAX,
      pool: embedded ? EMBEDDED_POOL_OPTIONS : {},
      onPoolError: (err) => log.warn({ err: err.message }, "idle database connection failed"),
    });
    cleanups.push(() => db.close());

    if (config.SEED_DEMO === "always" || (config.SEED_DEMO === "auto" && embedded)) {
      const seeded = await seedDemoIfEmpty(db.prisma, (msg) => log.info(msg));
      if (seeded) log.info("demo data loaded");
    }

    const doorbell: Doorbell = config.REDIS_URL ? new RedisDoorbell(config.REDIS_URL, log) : new InProcessDoorbell();
    cleanups.push(() => doorbell.close());

    const rateLimiter: RateLimiter = config.REDIS_URL ? new RedisRateLimiter(config.REDIS_URL, log, rateLimitPrefix(databaseUrl)) : new MemoryRateLimiter();
    cleanups.push(() => rateLimiter.close());
    const mailboxDir = join(config.DATA_DIR, "mailbox");
    const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, mailboxDir });
    cleanups.push(() => mailer.close());
    // ── realtime: outbox follower and fan-out (signals and alerts) ──
    const outbox = new OutboxReader({ db: db.prisma, doorbell, log, pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS });
    await outbox.start();
    cleanups.push(() => outbox.stop());
    const fanout = new Fanout(outbox, log);
    cleanups.push(async () => fanout.stop());

    let wsHandle: WsHandle | null = null;
    const services = createServices({
      mailer,
      doorbell,
      publicUrl: config.PUBLIC_URL,
      instanceId: config.INSTANCE_ID,
      rsvpRetentionDays: config.RSVP_RETENTION_DAYS,
      log,
      db: db.prisma,
      rateLimiter,
      retention: {
        authSessionDays: config.RETENTION_AUTH_SESSION_DAYS,
        contactInactiveAfterDays: config.RETENTION_CONTACT_INACTIVE_AFTER_DAYS,
        contactAnonymiseAfterInactiveDays: config.RETENTION_CONTACT_ANONYMISE_AFTER_DAYS,
        signalAnonymiseDays: config.RETENTION_SIGNAL_ANONYMISE_DAYS,
        signalDeleteDays: config.RETENTION_SIGNAL_DELETE_DAYS,
        outboxDays: config.RETENTION_OUTBOX_DAYS,
      },
      rateLimits: rateLimitRules({
        loginPerAccount: config.RATE_LIMIT_LOGIN_PER_ACCOUNT,
        loginPerAddress: config.RATE_LIMIT_LOGIN_PER_ADDRESS,
        signalReportsPerHour: config.RATE_LIMIT_SIGNAL_REPORTS_PER_HOUR,
      }),
      tokenTtlMinutes: config.AUTH_TOKEN_TTL_MINUTES,
      defaultMunicipalityCode: config.MUNICIPALITY_CODE,
      // Sockets of a revoked session may live on any instance: ring them all.
      onSessionRevoked: (sessionId) => void doorbell.ring(REVOKED_CHANNEL, sessionId),
      // ── realtime: signals and alerts ──
      outbox,
      fanout,
      escalateAfter: parseEscalateAfter(config.ALERT_ESCALATE_AFTER),
    });
    // Escalations: every instance sweeps; SKIP LOCKED makes sure only one acts per signal.
    const sweep = setInterval(() => {
      services.alerts.escalateDue().catch((err: Error) => log.warn({ err: err.message }, "escalation sweep failed"));
    }, config.ESCALATION_SWEEP_INTERVAL_MS);
    sweep.unref();
    cleanups.push(async () => {
      clearInterval(sweep);
      await services.alerts.idle();
    });
    const stopListening = doorbell.listen(REVOKED_CHANNEL, (sessionId) => wsHandle?.closeSession(sessionId));
    cleanups.push(async () => stopListening());

    if (config.RETENTION_SWEEP_INTERVAL_MS > 0) {
      const sweep = setInterval(() => {
        services.retention
          .run(new Date())
          .then((report) => report && log.info({ retention: report }, "retention sweep done"))
          .catch((err: Error) => log.warn({ err: err.message }, "retention sweep failed"));
      }, config.RETENTION_SWEEP_INTERVAL_MS);
      sweep.unref();
      cleanups.push(async () => clearInterval(sweep));
    }
    // Order matters: reminders and promotions enqueue messages that delivery then sends.
    const sweeper = new Sweeper([
      { name: "session-reminders", run: (now) => services.sessions.sweepReminders(now) },
      { name: "rsvp-retention", run: (now) => services.sessions.sweepRetention(now) },
      { name: "notification-delivery", run: (now) => services.notifications.deliverDue(now) },
    ], log);
    sweeper.start(config.SWEEP_INTERVAL_MS);
    cleanups.push(() => sweeper.stop());

    const schema = buildSchema();
    const production = config.NODE_ENV === "production";
    const buildContext = (
      viewer: Viewer | null,
      requestId: string,
      transport: Context["transport"],
      clientAddress: string | null,
      op?: Omit<WsOperation, "fork">,
    ): Context => {
      // Loaders are built on first use: a live subscription's context (held for the
      // subscription's lifetime) never needs them, and thousands of idle ones add up.
      let loaders: Context["loaders"] | undefined;
      return {
        viewer,
        requestId,
        clientAddress,
        transport,
        services,
        get loaders() {
          return (loaders ??= createLoaders(db.prisma));
        },
        ...(op ? { ws: { ...op, fork: () => buildContext(viewer, requestId, transport, clientAddress) } } : {}),
      };
    };

    const webDist = config.WEB_DIST ?? (existsSync(join(REPO_ROOT, "packages/web/dist/index.html")) ? join(REPO_ROOT, "packages/web/dist") : undefined);
    const trusted = resolveTrustedDocuments(config.TRUSTED_DOCUMENTS, production, webDist ? join(webDist, "trusted-documents.json") : undefined);
    if (trusted) log.info({ operations: trusted.size }, "trusted documents: only the web app's operations run");

    const apollo = new ApolloServer<Context>({
      schema,
      introspection: !production,
      hideSchemaDetailsFromClientErrors: production,
      includeStacktraceInErrorResponses: false,
      allowBatchedHttpRequests: false,
      // Automatic persisted queries are a cache, not an allowlist: off.
      persistedQueries: false,
      csrfPrevention: true,
      // Depth, aliases, directives, cost and tokens: the same limits as graphql-ws (graphql/limits.ts).
      validationRules: [QueryLimitsRule],
      parseOptions: PARSE_OPTIONS,
      nodeEnv: config.NODE_ENV,
      formatError: (formatted, error) =>
        maskError(formatted, () => {
          const errorId = randomUUID();
          log.error({ err: error, errorId, path: formatted.path }, "unexpected error in resolver");
          return errorId;
        }),
      plugins: [ApolloServerPluginLandingPageDisabled(), ...(trusted ? [trustedDocumentsPlugin(trusted)] : [])],
    });

    const httpServer = createHttpServer({
      apollo,
      log,
      webDist,
      trustProxy: config.TRUST_PROXY,
      routes: [invitationIcsRoute({ sessions: services.sessions })],
      buildContext: async (authorization, requestId, clientAddress) =>
        buildContext(await services.auth.authenticate(parseBearer(authorization)), requestId, "http", clientAddress),
      readiness: async () => {
        const checks: Record<string, boolean> = {
          database: await db.prisma.$queryRaw`SELECT 1`.then(() => true, () => false),
        };
        if (config.REDIS_URL) checks["redis"] = await doorbell.isHealthy();
        return checks;
      },
    });
    apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
    await apollo.start();
    // apollo.stop() drains: it stops accepting, lets in-flight requests finish, then closes the server.
    cleanups.push(() => apollo.stop());

    wsHandle = attachWebSocketServer({
      httpServer,
      schema,
      auth: services.auth,
      log,
      production,
      trusted,
      maxSocketsPerUser: config.WS_MAX_SOCKETS_PER_USER,
      buildContext: (viewer, requestId, clientAddress, op) => buildContext(viewer, requestId, "ws", clientAddress, op),
    });
    const ws = wsHandle;
    // Cleanups run in reverse: sockets are told to go (1001) before HTTP drains, so
    // clients start reconnecting to another instance at once.
    cleanups.push(() => ws.dispose());

    await new Promise<void>((resolve, reject) => {
      httpServer.once("error", reject);
      httpServer.listen(config.PORT, config.HOST, () => resolve());
    });
    const port = (httpServer.address() as AddressInfo).port;
    const host = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;
    const url = `http://${host}:${port}`;

    let stopping: Promise<void> | null = null;
    return {
      url,
      port,
      config,
      log,
      db,
      doorbell,
      services,
      ws,
      sweeper,
      mailboxDir,
      outbox,
      fanout,
      databaseMode: embedded ? "embedded" : "external",
      stop: () => (stopping ??= stopAll()),
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
