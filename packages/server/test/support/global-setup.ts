import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDeploy } from "../../src/platform/db/migrate.js";

/**
 * One throwaway PostgreSQL database per test run, migrated with the real
 * `prisma migrate deploy`, dropped at the end. Tests isolate from each other by
 * working in a fresh municipality each. Every test server's DATA_DIR is a folder under
 * one run folder, removed with the database.
 */
const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    /** The run's folder for every test server's DATA_DIR (mailboxes), removed at the end. */
    dataRoot: string;
  }
}

export default async function setup(project: TestProject) {
  const name = `wijknet_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await migrateDeploy(databaseUrl, () => undefined);
  project.provide("databaseUrl", databaseUrl);
  project.provide("redisUrl", REDIS_URL);
  const dataRoot = mkdtempSync(join(tmpdir(), `${name}-`));
  project.provide("dataRoot", dataRoot);

  return async () => {
    const client = new pg.Client({ connectionString: ADMIN_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
    rmSync(dataRoot, { recursive: true, force: true });
  };
}
