// The real wijknet server for the browser tests, run as a child process by
// global-setup.ts (`tsx`, from packages/server so the server's dependencies
// resolve). Plain JavaScript on purpose: it is not part of the web app's
// typecheck, which must not pull in the server's sources.
//
// 1. creates a throwaway PostgreSQL database and migrates it (prisma migrate deploy),
// 2. starts the app (production mode: CSP, no introspection) serving the built web app,
//    with the demo data seeded,
// 3. makes sure the demo ally's account is linked to a contact record,
// 4. prints one line `E2E_READY <json>`, then runs until stdin closes,
//    when it stops the app and drops the database.
import { createRequire } from "node:module";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const serverDir = resolve(process.cwd());
const require = createRequire(resolve(serverDir, "package.json"));
const pg = require("pg");
const { startApp } = await import(resolve(serverDir, "src/app.ts"));
const { loadConfig } = await import(resolve(serverDir, "src/platform/config.ts"));
const { createLogger } = await import(resolve(serverDir, "src/platform/logger.ts"));
const { migrateDeploy } = await import(resolve(serverDir, "src/platform/db/migrate.ts"));

const ADMIN_URL = process.env.E2E_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.E2E_REDIS_URL ?? "redis://127.0.0.1:6379";
const WEB_DIST = process.env.E2E_WEB_DIST;
const ALLY_EMAIL = "ally.overvecht@wijknet.example";

const name = `wijknet_e2e_${Date.now()}_${randomBytes(3).toString("hex")}`;
async function admin(sql) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let app = null;
let stopping = null;
let started = Promise.resolve();
function stop(code) {
  stopping ??= (async () => {
    // Let a start in progress finish first, so the database it creates is dropped too.
    await started.catch(() => undefined);
    try {
      if (app) await app.stop();
    } catch (err) {
      console.error("e2e server: stop failed", err);
    }
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((err) => console.error("e2e server: drop failed", err));
    process.exit(code);
  })();
  return stopping;
}
// Stopped by closing stdin, not by a signal: in production mode Apollo Server
// installs its own SIGTERM/SIGINT handlers, and a second shutdown racing it
// never finishes. A parent that dies closes the pipe too, so this never
// outlives the test run.
process.stdin.on("end", () => void stop(0));
process.stdin.resume();

async function main() {
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await migrateDeploy(databaseUrl, () => undefined);
  const config = loadConfig({
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    SEED_DEMO: "always",
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
    DB_POOL_MAX: "5",
    // Its own mailbox, and mail sent within a second: the account test follows emailed links.
    DATA_DIR: mkdtempSync(join(tmpdir(), "wijknet-e2e-data-")),
    SWEEP_INTERVAL_MS: "1000",
    // Web Push on, to a push service stand-in on loopback (alert-delivery.e2e.test.ts).
    // A key pair for the tests only (E2E_VAPID_PUBLIC_KEY in fixtures.ts); never for a deployment.
    VAPID_PUBLIC_KEY: "BCdo_bi0P7kV7ihJV8wejufVr2IBCrgP4OjR0mcsfhmpO86tUIMvRSZ2Gg86ez2zcyTseIpEkNj0imkDt4xpNiQ",
    VAPID_PRIVATE_KEY: "go4AJZOVVml9khLziTcL_Rfa_ReHLn3gZxjAe5kL8gU",
    VAPID_SUBJECT: "mailto:beheer@wijknet.example",
    WEB_PUSH_ENDPOINT_HOSTS: "127.0.0.1",
    ALERT_DELIVERY_INTERVAL_MS: "5000",
    ...(WEB_DIST ? { WEB_DIST, TRUSTED_DOCUMENTS: await trustedManifestWithFixtures(WEB_DIST) } : {}),
  });
  app = await startApp(config, createLogger(config));

  // The ally's "Mijn profiel" needs their account linked to a contact. Newer demo
  // data does that itself; older demo data does not, so link one here.
  const prisma = app.db.prisma;
  const ally = await prisma.user.findUnique({ where: { email: ALLY_EMAIL }, include: { districts: true } });
  if (ally && !ally.contactId) {
    const contact = await prisma.contact.create({
      data: {
        municipalityId: ally.municipalityId,
        fullName: ally.displayName,
        email: ally.email,
        districts: { create: ally.districts.map((d) => ({ districtId: d.districtId })) },
      },
    });
    await prisma.user.update({ where: { id: ally.id }, data: { contactId: contact.id } });
  }
  const linked = ally ? await prisma.user.findUnique({ where: { id: ally.id } }) : null;
  process.stdout.write(
    `E2E_READY ${JSON.stringify({ url: app.url, database: name, allyContactId: linked?.contactId ?? null, mailboxDir: app.mailboxDir })}\n`,
  );
}
started = main();
started.catch((err) => {
  console.error("e2e server: start failed", err);
  void stop(1);
});

/**
 * The built app's trusted-documents manifest plus the fixtures' own operations, in a
 * temporary file: the browser tests run the production allowlist, and the test setup can
 * still create its data through the API.
 */
async function trustedManifestWithFixtures(webDist) {
  const { readFileSync, writeFileSync, mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { buildManifest } = await import("@wijknet/shared/trusted-documents");
  const { FIXTURE_OPERATIONS } = await import("./fixtures.ts");
  const app = JSON.parse(readFileSync(join(webDist, "trusted-documents.json"), "utf8"));
  const fixtures = buildManifest(Object.values(FIXTURE_OPERATIONS));
  const path = join(mkdtempSync(join(tmpdir(), "wijknet-e2e-trusted-")), "trusted-documents.json");
  writeFileSync(path, JSON.stringify({ version: 1, documents: { ...app.documents, ...fixtures.documents } }));
  return path;
}
