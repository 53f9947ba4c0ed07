/**
 * A restart skips Prisma's schema engine only when every migration is applied unchanged:
 * an empty database, an edited migration or a failed one still goes through `migrate deploy`.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDeploy, migrationsUpToDate } from "../src/platform/db/migrate.js";

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const name = `wijknet_migrations_${randomBytes(4).toString("hex")}`;
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });

beforeAll(async () => {
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
});
afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

async function sql(text: string) {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

describe("migrationsUpToDate", () => {
  it("is false on an empty database, true after migrate deploy, false after an edit, a failure or a new migration", {
    timeout: 60_000,
  }, async () => {
    const upToDate = () => migrationsUpToDate(url.toString());
    expect(await upToDate()).toBe(false);
    await migrateDeploy(url.toString(), () => undefined);
    expect(await upToDate()).toBe(true);

    // Each change is undone before the next, so each assertion stands on its own.
    const oldest = "(SELECT min(migration_name) FROM _prisma_migrations)";
    const original = (await sql(`SELECT checksum FROM _prisma_migrations WHERE migration_name = ${oldest}`)).rows[0].checksum as string;
    await sql(`UPDATE _prisma_migrations SET checksum = 'edited' WHERE migration_name = ${oldest}`);
    expect(await upToDate()).toBe(false);
    await sql(`UPDATE _prisma_migrations SET checksum = '${original}' WHERE migration_name = ${oldest}`);
    expect(await upToDate()).toBe(true);

    const newest = "(SELECT max(migration_name) FROM _prisma_migrations)";
    const finished = (await sql(`SELECT finished_at FROM _prisma_migrations WHERE migration_name = ${newest}`)).rows[0].finished_at as Date;
    await sql(`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = ${newest}`);
    expect(await upToDate()).toBe(false);
    await sql(`UPDATE _prisma_migrations SET finished_at = '${finished.toISOString()}' WHERE migration_name = ${newest}`);
    expect(await upToDate()).toBe(true);

    // A migration in the folder that the database has not seen (a new release).
    await sql(`DELETE FROM _prisma_migrations WHERE migration_name = ${newest}`);
    expect(await upToDate()).toBe(false);
  });
});
