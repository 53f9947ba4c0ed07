import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { contextFactory } from "./graphql/context.js";
import { maskError, toGraphQLError } from "./graphql/errors.js";
import { localizeErrorsPlugin } from "./graphql/localize-plugin.js";
import { PARSE_OPTIONS, QueryLimitsRule } from "./graphql/limits.js";
import { buildSchema } from "./graphql/schema.js";
import { resolveTrustedDocuments, trustedDocumentsPlugin } from "./graphql/trusted-documents.js";
import { attachWebSocketServer, type WsHandle } from "./graphql/ws.js";
import { createHttpServer } from "./http/server.js";
import { checkEventOwnership } from "./platform/realtime/event.js";
import { collectJobs, collectRoutes, composeLoaders, composeServices } from "./kernel/compose.js";
import type { Context, ServiceRegistry } from "./kernel/context.js";
import type { FeatureModule } from "./kernel/module.js";
import { parseBearer } from "./modules/auth/token.js";
import { modules as allModules } from "./modules/index.js";
import type { Config } from "./platform/config.js";
import { REPO_ROOT } from "./platform/config.js";
import type { Database } from "./platform/db/prisma.js";
import { startPlatform } from "./platform/index.js";
import { JobScheduler } from "./platform/jobs/scheduler.js";
import { createLogger, type Logger } from "./platform/logger.js";
import type { Doorbell } from "./platform/realtime/doorbell.js";
import type { Fanout } from "./platform/realtime/fanout.js";
import type { OutboxReader } from "./platform/realtime/outbox.js";
import { seedDemoIfEmpty } from "./seed/demo.js";
import { metricsPlugin } from "./graphql/metrics-plugin.js";
import { startMetricsServer } from "./http/metrics-server.js";

export interface App {
  url: string;
  /** The base of links in email: PUBLIC_URL, else `url`. */
  publicUrl: string;
  /** Where Prometheus scrapes this instance (METRICS_PORT), or null. */
  metricsUrl: string | null;
  port: number;
  config: Config;
  log: Logger;
  db: Database;
  doorbell: Doorbell;
  services: ServiceRegistry;
  ws: WsHandle;
  /** Timed work of every module; `runLane(lane, now)` runs one pass (tests, CLIs). */
  jobs: JobScheduler;
  /** Where the local mailbox is when no SMTP_URL is set. */
  mailboxDir: string;
  /** Realtime: this instance's outbox follower and subscription fan-out. */
  outbox: OutboxReader;
  fanout: Fanout;
  /** Where the data lives: "embedded" (PGlite in DATA_DIR) or "external" (DATABASE_URL). */
  databaseMode: "embedded" | "external";
  stop(): Promise<void>;
}

/**
 * The composition root: starts the platform (database, doorbell, outbox, mailer), then
 * the feature modules (services, jobs, schema, routes), and serves HTTP and WebSocket
 * on one port. It knows no feature by name: it iterates `modules`.
 */
export async function startApp(
  config: Config,
  log: Logger = createLogger(config),
  modules: readonly FeatureModule[] = allModules,
): Promise<App> {
  const cleanups: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const fn of cleanups.reverse()) {
      await fn().catch((err: unknown) => log.error({ err }, "shutdown step failed"));
    }
    cleanups.length = 0;
  };

  try {
    // A topic belongs to one feature; fail before anything starts if two claim it.
    checkEventOwnership(modules);
    const platform = await startPlatform(config, log, cleanups, async (db, mode) => {
      if (config.SEED_DEMO === "always" || (config.SEED_DEMO === "auto" && mode === "embedded")) {
        const seeded = await seedDemoIfEmpty(db, (msg) => log.info(msg));
        if (seeded) log.info("demo data loaded");
      }
    });
    const { db, doorbell } = platform;

    const services = composeServices(modules, platform);
    const { metrics } = platform;
    const jobs = new JobScheduler(collectJobs(modules, services, platform), log, Math.random, (job, lane, outcome, seconds) =>
      metrics.job(job, lane, outcome, seconds),
    );
    jobs.start();
    cleanups.push(() => jobs.stop());

    let wsHandle: WsHandle | null = null;
    const stopListening = platform.onSessionRevoked((sessionId) => wsHandle?.closeSession(sessionId));
    cleanups.push(async () => stopListening());

    const schema = buildSchema(modules);
    const production = config.NODE_ENV === "production";
    const buildContext = contextFactory(services, () => composeLoaders(modules, db));

    const webDist =
      config.WEB_DIST ?? (existsSync(join(REPO_ROOT, "packages/web/dist/index.html")) ? join(REPO_ROOT, "packages/web/dist") : undefined);
    const trusted = resolveTrustedDocuments(
      config.TRUSTED_DOCUMENTS,
      production,
      webDist ? join(webDist, "trusted-documents.json") : undefined,
    );
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
      // main.ts owns SIGINT/SIGTERM and stops everything in order; Apollo stopping itself on
      // the same signal made app.stop() wait on a second, racing apollo.stop() until the
      // 15 s force exit, so the embedded database was never closed cleanly.
      stopOnTerminationSignals: false,
      formatError: (formatted, error) =>
        maskError(formatted, () => {
          const errorId = randomUUID();
          log.error({ err: error, errorId, path: formatted.path }, "unexpected error in resolver");
          return errorId;
        }),
      plugins: [
        ApolloServerPluginLandingPageDisabled(),
        metricsPlugin(metrics),
        localizeErrorsPlugin(),
        ...(trusted ? [trustedDocumentsPlugin(trusted)] : []),
      ],
    });

    const httpServer = createHttpServer({
      apollo,
      log,
      webDist,
      trustProxy: config.TRUST_PROXY,
      https: config.PUBLIC_URL?.startsWith("https:") ?? false,
      routes: collectRoutes(modules, services),
      metrics,
      buildContext: async (authorization, requestId, clientAddress, acceptLanguage) => {
        try {
          const viewer = await services.auth.authenticate(parseBearer(authorization));
          return buildContext(viewer, requestId, "http", clientAddress, acceptLanguage);
        } catch (err) {
          // Thrown before execution: Apollo shows a GraphQLError's code, nothing else.
          throw toGraphQLError(err);
        }
      },
      readiness: async () => ({
        required: {
          database: await db.$queryRaw`SELECT 1`.then(
            () => true,
            () => false,
          ),
        },
        optional: config.REDIS_URL ? { redis: await doorbell.isHealthy() } : ({} as Record<string, boolean>),
      }),
    });
    apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
    await apollo.start();
    // apollo.stop() drains: it stops accepting, lets in-flight requests finish, then closes the server.
    cleanups.push(() => apollo.stop());

    wsHandle = attachWebSocketServer({
      httpServer,
      schema,
      auth: services.auth,
      fanout: platform.fanout,
      doorbellConnected: () => doorbell.connected,
      metrics,
      log,
      production,
      trusted,
      maxSocketsPerUser: config.WS_MAX_SOCKETS_PER_USER,
      buildContext: (viewer, requestId, clientAddress, acceptLanguage, op) =>
        buildContext(viewer, requestId, "ws", clientAddress, acceptLanguage, op),
    });
    const ws = wsHandle;
    metrics.attach({
      wsConnections: () => ws.socketCount(),
      subscriptions: () => platform.fanout.subscriberCount(),
      catchUps: () => platform.fanout.catchUpLoad(),
      outboxLag: async () => Number((await platform.outbox.newestSeq()) - platform.outbox.currentPosition()),
      doorbellConnected: () => doorbell.connected,
      pool: () => {
        const pool = platform.database.pool;
        return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 };
      },
    });
    // Cleanups run in reverse: sockets are told to go (1001) before HTTP drains, so
    // clients start reconnecting to another instance at once.
    cleanups.push(() => ws.dispose());

    await new Promise<void>((resolve, reject) => {
      httpServer.once("error", reject);
      httpServer.listen(config.PORT, config.HOST, () => resolve());
    });
    const port = (httpServer.address() as AddressInfo).port;
    let metricsUrl: string | null = null;
    if (config.METRICS_PORT !== undefined) {
      const served = await startMetricsServer(metrics, config.METRICS_HOST, config.METRICS_PORT);
      cleanups.push(() => new Promise<void>((resolve) => served.server.close(() => resolve())));
      metricsUrl = served.url;
      log.info({ url: metricsUrl }, "metrics endpoint listening");
    }
    const host = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;
    const url = `http://${host}:${port}`;
    platform.publicUrl.listening(url);
    for (const warning of platform.publicUrl.warnings({ url, port }, production)) log.warn({ publicUrl: platform.publicUrl.href }, warning);

    let stopping: Promise<void> | null = null;
    return {
      url,
      publicUrl: platform.publicUrl.href,
      metricsUrl,
      port,
      config,
      log,
      db: platform.database,
      doorbell,
      services,
      ws,
      jobs,
      mailboxDir: platform.mailboxDir,
      outbox: platform.outbox,
      fanout: platform.fanout,
      databaseMode: platform.databaseMode,
      stop: () => (stopping ??= stopAll()),
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
