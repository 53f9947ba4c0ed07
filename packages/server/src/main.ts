// Entry point: `pnpm start`. Parses config, starts the app, stops it cleanly on SIGINT/SIGTERM.
import { ConfigError, loadConfig } from "./platform/config.js";
import { startApp } from "./app.js";
import { createLogger } from "./platform/logger.js";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
const log = createLogger(config);
const app = await startApp(config, log).catch((err: unknown) => {
  log.fatal({ err }, "wijknet failed to start");
  process.exit(1);
});

const mode = app.databaseMode === "embedded" ? `embedded database in ${config.DATA_DIR}` : "external database";
const doorbell = app.doorbell.kind === "redis" ? "Redis doorbell" : "in-process doorbell (single instance)";
log.info({ url: app.url, publicUrl: app.publicUrl, mode, doorbell }, "wijknet is running");
// The one line a person starting the app looks for.
const links = app.publicUrl === app.url ? "" : `; links in email: ${app.publicUrl}`;
process.stdout.write(`\nwijknet draait op ${app.url}  (GraphQL: ${app.url}/graphql; ${mode}; ${doorbell}${links})\n\n`);

let shuttingDown = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
