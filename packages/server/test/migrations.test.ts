/**
 * A restart skips Prisma's schema engine only when every migration is applied unchanged:
 * an empty database, an edited migration or a failed one still goes through `migrate deploy`.
 */
import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDeploy, migrationsUpToDate } from "../src/platform/db/migrate.js";
import { REPO_ROOT } from "../src/platform/config.js";

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

describe("migration partner_organisations", () => {
  const MIGRATION = "20261202140910_partner_organisations";
  const dataName = `wijknet_migr_partners_${randomBytes(4).toString("hex")}`;
  const dataUrl = new URL(ADMIN_URL);
  dataUrl.pathname = `/${dataName}`;

  it("puts existing police liaisons in their municipality's police organisation; SHARED_WITH_POLICE and the reporter's agreement keep their meaning", {
    timeout: 60_000,
  }, async () => {
    await admin.query(`CREATE DATABASE "${dataName}"`);
    const client = new pg.Client({ connectionString: dataUrl.toString() });
    await client.connect();
    try {
      const dir = join(REPO_ROOT, "prisma", "migrations");
      const names = (await readdir(dir, { withFileTypes: true }))
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort();
      expect(names).toContain(MIGRATION);
      // The schema as it was before: every earlier migration, in order.
      for (const n of names.filter((x) => x < MIGRATION)) await client.query(await readFile(join(dir, n, "migration.sql"), "utf8"));

      const ids = {
        m1: "0190a000-0000-7000-8000-000000000001",
        m2: "0190a000-0000-7000-8000-000000000002",
        d1: "0190a000-0000-7000-8000-000000000011",
        liaison1: "0190a000-0000-7000-8000-000000000021",
        liaison2: "0190a000-0000-7000-8000-000000000022",
        coordinator: "0190a000-0000-7000-8000-000000000023",
        shared: "0190a000-0000-7000-8000-000000000031",
        internal: "0190a000-0000-7000-8000-000000000032",
      };
      await client.query(`
        INSERT INTO "Municipality" ("id", "code", "name") VALUES ('${ids.m1}', 'GM9001', 'Eerste'), ('${ids.m2}', 'GM9002', 'Tweede');
        INSERT INTO "District" ("id", "municipalityId", "code", "name") VALUES ('${ids.d1}', '${ids.m1}', 'noord', 'Noord');
        INSERT INTO "User" ("id", "municipalityId", "email", "displayName", "passwordHash", "role", "updatedAt") VALUES
          ('${ids.liaison1}', '${ids.m1}', 'l1@test.example', 'L1', '!x', 'POLICE_LIAISON', now()),
          ('${ids.liaison2}', '${ids.m2}', 'l2@test.example', 'L2', '!x', 'POLICE_LIAISON', now()),
          ('${ids.coordinator}', '${ids.m1}', 'c1@test.example', 'C1', '!x', 'COORDINATOR', now());
        INSERT INTO "Signal" ("id", "municipalityId", "districtId", "kind", "severity", "summary", "visibility", "reporterId", "reporterIdentitySharable", "updatedAt") VALUES
          ('${ids.shared}', '${ids.m1}', '${ids.d1}', 'TENSION', 'HIGH', 'Gedeeld', 'SHARED_WITH_POLICE', '${ids.coordinator}', true, now()),
          ('${ids.internal}', '${ids.m1}', '${ids.d1}', 'TENSION', 'LOW', 'Intern', 'COORDINATION_ONLY', '${ids.coordinator}', false, now());
      `);

      await client.query(await readFile(join(dir, MIGRATION, "migration.sql"), "utf8"));

      const orgs = (
        await client.query(`SELECT "id", "municipalityId", "kind", "name" FROM "PartnerOrganisation" ORDER BY "municipalityId"`)
      ).rows;
      expect(orgs.map((o) => [o.municipalityId, o.kind, o.name])).toEqual([
        [ids.m1, "POLICE", "Politie"],
        [ids.m2, "POLICE", "Politie"],
      ]);
      const users = (await client.query(`SELECT "id", "partnerOrganisationId" FROM "User" ORDER BY "id"`)).rows;
      const orgOf = Object.fromEntries(users.map((u) => [u.id, u.partnerOrganisationId]));
      expect(orgOf[ids.liaison1]).toBe(orgs[0]!.id);
      expect(orgOf[ids.liaison2]).toBe(orgs[1]!.id);
      expect(orgOf[ids.coordinator]).toBeNull();
      const signals = (
        await client.query(
          `SELECT "id", "visibility", "sharedWithIds"::text[] AS "shared", "reporterIdentityKinds"::text[] AS "kinds" FROM "Signal" ORDER BY "id"`,
        )
      ).rows;
      expect(signals.map((s) => [s.id, s.visibility, s.shared, s.kinds])).toEqual([
        [ids.shared, "SHARED_WITH_POLICE", [], ["POLICE"]],
        [ids.internal, "COORDINATION_ONLY", [], []],
      ]);
    } finally {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS "${dataName}" WITH (FORCE)`);
    }
  });
});
