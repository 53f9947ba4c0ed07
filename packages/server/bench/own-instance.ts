/**
 * A bench script's own world: a fresh database (created, migrated, dropped at the end), one
 * server instance on it, and a coordinator of a one-district municipality, logged in. Used
 * by the scripts that need thousands of sockets on one account (fan-out, reconnect storm).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startApp, type App } from "../src/app.js";
import type { Viewer } from "../src/core/viewer.js";
import { hashPassword } from "../src/modules/auth/password.js";
import { loadConfig } from "../src/platform/config.js";
import { migrateDeploy } from "../src/platform/db/migrate.js";
import { createLogger } from "../src/platform/logger.js";

const ADMIN_URL = process.env["BENCH_DATABASE_ADMIN_URL"] ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface OwnInstance {
  app: App;
  databaseUrl: string;
  municipalityId: string;
  districtId: string;
  token: string;
  viewer: Viewer;
  /** Stops the instance and drops the database; safe to call once whatever happened before. */
  close(): Promise<void>;
}

export async function startOwnInstance(prefix: string, env: Record<string, string> = {}): Promise<OwnInstance> {
  const dbName = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  let app: App | null = null;
  const close = async () => {
    await app?.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  };
  try {
    await migrateDeploy(url.toString(), () => undefined);
    const config = loadConfig({
      NODE_ENV: "test",
      PORT: "0",
      DATABASE_URL: url.toString(),
      LOG_LEVEL: "warn",
      SEED_DEMO: "never",
      DB_MIGRATE: "never",
      // Thousands of subscribers share one account here; production allows 10 sockets per account.
      WS_MAX_SOCKETS_PER_USER: "100000",
      ...env,
    });
    // Logs go to stderr: a script's last stdout line is its report (script-contract.ts).
    app = await startApp(config, createLogger(config, process.stderr));
    const prisma = app.db.prisma;
    const municipality = await prisma.municipality.create({ data: { code: `BENCH-${randomBytes(3).toString("hex")}`, name: "Bench" } });
    const district = await prisma.district.create({ data: { municipalityId: municipality.id, code: "noord", name: "Noord" } });
    const password = "bench bench bench";
    const user = await prisma.user.create({
      data: {
        municipalityId: municipality.id,
        email: `bench-${randomBytes(4).toString("hex")}@bench.example`,
        displayName: "Bench",
        passwordHash: await hashPassword(password),
        role: "COORDINATOR",
      },
    });
    const { token } = await app.services.auth.login(user.email, password, "bench");
    const viewer = (await app.services.auth.authenticate(token))!;
    return { app, databaseUrl: url.toString(), municipalityId: municipality.id, districtId: district.id, token, viewer, close };
  } catch (err) {
    await close();
    throw err;
  }
}
