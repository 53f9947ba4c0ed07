/**
 * End-to-end tests of the offline schema engine (engine/schema-engine.mjs): they run
 * the real Prisma CLI in temporary projects, with PRISMA_SCHEMA_ENGINE_BINARY set
 * from a prisma.config.ts exactly like ../prisma.config.ts does, against
 *  - a real PostgreSQL server (throwaway databases, dropped afterwards), and
 *  - PGlite behind pglite-socket, served from this test process.
 *
 * Every child process is started with a timeout and every server is stopped in
 * an afterAll hook. Only loopback addresses are used.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const prismaDir = path.resolve(here, "..");
const ENGINE = path.join(here, "schema-engine.mjs");
const PRISMA_CLI = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
const FIXTURES = path.join(here, "test", "fixtures");
const NODE_MODULES = path.join(prismaDir, "node_modules");

/** Admin connection to the PostgreSQL server used for the throwaway databases. */
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const CLI_TIMEOUT_MS = 90_000;

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `cmd args` with a hard timeout; never rejects on a non-zero exit. */
function run(cmd: string, args: string[], options: { cwd: string; env?: Record<string, string | undefined>; input?: string }) {
  return new Promise<RunResult>((resolve, reject) => {
    // Start from the ambient environment minus anything that would bypass what is tested.
    const env: Record<string, string | undefined> = { ...process.env };
    for (const name of ["PRISMA_SCHEMA_ENGINE_BINARY", "DATABASE_URL", "SHADOW_DATABASE_URL", "FORCE_PANIC_SCHEMA_ENGINE"]) {
      delete env[name];
    }
    Object.assign(env, {
      // No telemetry or update checks: there is no internet here.
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      NO_COLOR: "1",
      ...options.env,
    });
    const child = spawn(cmd, args, { cwd: options.cwd, env, stdio: ["pipe", "pipe", "pipe"] });
    child.stdin.end(options.input ?? "");
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`Timed out after ${CLI_TIMEOUT_MS} ms: ${cmd} ${args.join(" ")}\n${stdout}\n${stderr}`));
    }, CLI_TIMEOUT_MS);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A temporary Prisma project: schema.prisma + prisma.config.ts wired like ../prisma.config.ts. */
class TempProject {
  readonly dir: string;

  constructor(name: string) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `wijknet-engine-${name}-`));
    // prisma.config.ts imports "prisma/config": resolve it from this package.
    fs.symlinkSync(NODE_MODULES, path.join(this.dir, "node_modules"), "dir");
    fs.writeFileSync(
      path.join(this.dir, "prisma.config.ts"),
      [
        `import { defineConfig } from "prisma/config";`,
        `process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= ${JSON.stringify(ENGINE)};`,
        `export default defineConfig({`,
        `  schema: "schema.prisma",`,
        `  migrations: { path: "migrations" },`,
        `  datasource: { url: process.env.TEST_DATABASE_URL, shadowDatabaseUrl: process.env.TEST_SHADOW_DATABASE_URL },`,
        `});`,
        ``,
      ].join("\n"),
    );
  }

  useSchema(fixture: string) {
    fs.copyFileSync(path.join(FIXTURES, fixture), path.join(this.dir, "schema.prisma"));
  }

  migrations(): string[] {
    const dir = path.join(this.dir, "migrations");
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  }

  migrationSql(name: string): string {
    return path.join(this.dir, "migrations", name, "migration.sql");
  }

  prisma(args: string[], db: { url: string; shadowUrl?: string }, env: Record<string, string> = {}) {
    return run(process.execPath, [PRISMA_CLI, ...args], {
      cwd: this.dir,
      env: { TEST_DATABASE_URL: db.url, TEST_SHADOW_DATABASE_URL: db.shadowUrl, ...env },
    });
  }

  remove() {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Asserts a successful CLI run and returns its combined output. */
function ok(result: RunResult): string {
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.code, output).toBe(0);
  return output;
}

function urlFor(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const tablesSql = `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
const tableNames = (rows: { table_name: string }[]) => rows.map((row) => row.table_name);

// The first migration gets a CHECK constraint written by hand (as people do for
// rules Prisma cannot express). Its ';' inside a string literal breaks adapter-pg's
// naive script splitting, and describing a CHECK constraint reads pg_constraint's
// "char" column `contype`: both traps are exercised by every later command.
const CHECK_CONSTRAINT = `\nALTER TABLE "Post" ADD CONSTRAINT "Post_title_check" CHECK ("title" <> ';');\n`;

describe("offline schema engine against PostgreSQL", () => {
  const suffix = `${process.pid}_${Date.now()}`;
  const names = {
    main: `wijknet_engine_${suffix}`,
    shadow: `wijknet_engine_${suffix}_shadow`,
    deploy: `wijknet_engine_${suffix}_deploy`,
    push: `wijknet_engine_${suffix}_push`,
    missing: `wijknet_engine_${suffix}_missing`,
    drift: `wijknet_engine_${suffix}_drift`,
  };
  const main = { url: urlFor(names.main), shadowUrl: urlFor(names.shadow) };
  let project: TempProject;

  beforeAll(async () => {
    // Fails loudly (rather than skipping) when the server is not there.
    await query(ADMIN_URL, "SELECT 1");
    await query(ADMIN_URL, `CREATE DATABASE "${names.main}"`);
    project = new TempProject("pg");
    project.useSchema("schema.v1.prisma");
  });

  afterAll(async () => {
    project?.remove();
    for (const name of Object.values(names)) {
      await query(ADMIN_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });

  it("prisma.config.ts wires the engine: `prisma --version` reports the wasm engine at the CLI's engines hash", async () => {
    const result = await run(process.execPath, [PRISMA_CLI, "--version"], { cwd: prismaDir });
    const output = ok(result);
    const engineLine = output.split("\n").find((line) => line.startsWith("Schema Engine"));
    const defaultHash = /Default Engines Hash\s*:\s*([0-9a-f]{40})/.exec(output)?.[1];
    expect(defaultHash, output).toMatch(/^[0-9a-f]{40}$/);
    expect(engineLine).toContain(`schema-engine-cli ${defaultHash}`);
    expect(engineLine).toContain("engine/schema-engine.mjs");
    expect(engineLine).toContain("resolved by PRISMA_SCHEMA_ENGINE_BINARY");
  });

  it("prisma.config.ts wires the datasource: DATABASE_URL is used, the shadow URL defaults to <db>_shadow", async () => {
    const { loadConfigFromFile } = await import("@prisma/config");
    const saved = { ...process.env };
    try {
      process.env.DATABASE_URL = main.url;
      delete process.env.SHADOW_DATABASE_URL;
      const { config, error } = await loadConfigFromFile({ configFile: path.join(prismaDir, "prisma.config.ts") });
      expect(error).toBeUndefined();
      expect(config?.datasource?.url).toBe(main.url);
      expect(config?.datasource?.shadowDatabaseUrl).toBe(main.shadowUrl);
      expect(config?.migrations?.path).toBe(path.join(prismaDir, "migrations"));
    } finally {
      process.env = saved;
    }

    // And through the CLI: `db execute` with the real config runs on DATABASE_URL.
    const result = await run(process.execPath, [PRISMA_CLI, "db", "execute", "--stdin"], {
      cwd: prismaDir,
      env: { DATABASE_URL: main.url },
      input: "CREATE TABLE wiring_check (id int); DROP TABLE wiring_check; CREATE TABLE wiring_check (note text DEFAULT 'a;b');",
    });
    ok(result);
    expect(await query(main.url, "SELECT note FROM wiring_check WHERE false")).toEqual([]);
    await query(main.url, "DROP TABLE wiring_check");
  });

  it("validate accepts the fixture and rejects a broken schema", async () => {
    expect(ok(await project.prisma(["validate"], main))).toContain("is valid");
    const broken = path.join(project.dir, "broken.prisma");
    fs.writeFileSync(broken, 'datasource db {\n  provider = "postgresql"\n}\n\nmodel X {\n  id Nope @id\n}\n');
    const result = await project.prisma(["validate", "--schema", broken], main);
    expect(result.code).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain("Nope");
  });

  it("generate writes the client to the fixture's output", async () => {
    ok(await project.prisma(["generate"], main));
    expect(fs.existsSync(path.join(project.dir, "generated", "client.ts"))).toBe(true);
  });

  it("migrate dev --name init creates the migration and the tables", async () => {
    ok(await project.prisma(["migrate", "dev", "--name", "init", "--create-only"], main));
    const [init] = project.migrations();
    expect(init).toMatch(/^\d{14}_init$/);
    const sqlFile = project.migrationSql(init!);
    expect(fs.readFileSync(sqlFile, "utf8")).toContain('CREATE TABLE "User"');
    fs.appendFileSync(sqlFile, CHECK_CONSTRAINT);

    ok(await project.prisma(["migrate", "dev"], main));
    expect(tableNames(await query(main.url, tablesSql))).toEqual(["Post", "User", "_prisma_migrations"]);
    const checks = await query(main.url, `SELECT conname FROM pg_constraint WHERE contype = 'c' AND conname = 'Post_title_check'`);
    expect(checks).toHaveLength(1);
  });

  it("a second migrate dev keeps the main database's data (the shadow database is a separate one)", async () => {
    await query(main.url, `INSERT INTO "User" (email) VALUES ('resident@example.org')`);
    project.useSchema("schema.v2.prisma");
    ok(await project.prisma(["migrate", "dev", "--name", "second"], main));

    expect(project.migrations()).toHaveLength(2);
    expect(fs.readFileSync(project.migrationSql(project.migrations()[1]!), "utf8")).toContain('ADD COLUMN     "displayName" TEXT');
    expect(await query(main.url, `SELECT email FROM "User"`)).toEqual([{ email: "resident@example.org" }]);
    expect(tableNames(await query(main.url, tablesSql))).toContain("Neighbourhood");
    // The migrations were replayed into the configured shadow database instead,
    // not into an adapter-pg style temporary `prisma_migrate_shadow_db_<uuid>`.
    expect(tableNames(await query(main.shadowUrl, tablesSql))).toEqual(["Post", "User"]);
    expect(await query(ADMIN_URL, `SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'`)).toEqual([]);
  });

  it("migrate status reports the database up to date", async () => {
    const output = ok(await project.prisma(["migrate", "status"], main));
    expect(output).toContain("2 migrations found");
    expect(output).toContain("Database schema is up to date!");
  });

  it("migrate diff --from-empty --script prints the SQL", async () => {
    const result = await project.prisma(["migrate", "diff", "--from-empty", "--to-schema", "schema.prisma", "--script"], main);
    ok(result);
    expect(result.stdout).toContain('CREATE TABLE "User"');
    expect(result.stdout).toContain('CREATE TABLE "Neighbourhood"');
  });

  it("migrate diff --from-migrations --exit-code detects drift (0 in sync, 2 when not)", async () => {
    const inSync = await project.prisma(
      ["migrate", "diff", "--from-migrations", "migrations", "--to-schema", "schema.prisma", "--exit-code"],
      main,
    );
    expect(inSync.code, inSync.stdout + inSync.stderr).toBe(0);
    expect(inSync.stdout).toContain("No difference detected.");

    const drift = await project.prisma(
      ["migrate", "diff", "--from-migrations", "migrations", "--to-schema", path.join(FIXTURES, "schema.v1.prisma"), "--exit-code"],
      main,
    );
    expect(drift.code, drift.stdout + drift.stderr).toBe(2);
    expect(drift.stdout).toContain("Neighbourhood");
  });

  it("wijknet's own migrations match its schema.prisma (the drift check)", async () => {
    // The real project, with its real prisma.config.ts: a model change without a
    // migration (or a hand-edited migration) fails here, before it reaches a database.
    const result = await run(
      process.execPath,
      [PRISMA_CLI, "migrate", "diff", "--from-migrations", "migrations", "--to-schema", "schema.prisma", "--exit-code"],
      { cwd: prismaDir, env: { DATABASE_URL: main.url, SHADOW_DATABASE_URL: urlFor(names.drift) } },
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("No difference detected.");
  });

  it("migrate deploy applies the migrations to another, fresh database", async () => {
    const target = { url: urlFor(names.deploy) };
    const output = ok(await project.prisma(["migrate", "deploy"], target));
    expect(output).toContain("All migrations have been successfully applied.");
    expect(tableNames(await query(target.url, tablesSql))).toEqual(["Neighbourhood", "Post", "User", "_prisma_migrations"]);
    expect(await query(target.url, `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`)).toHaveLength(2);
  });

  it("migrate reset --force empties the database and reapplies the migrations", async () => {
    ok(await project.prisma(["migrate", "reset", "--force"], main));
    expect(await query(main.url, `SELECT * FROM "User"`)).toEqual([]);
    expect(tableNames(await query(main.url, tablesSql))).toEqual(["Neighbourhood", "Post", "User", "_prisma_migrations"]);
  });

  it("db push syncs a fresh database and guards against data loss", async () => {
    const target = { url: urlFor(names.push) };
    ok(await project.prisma(["db", "push"], target));
    expect(tableNames(await query(target.url, tablesSql))).toEqual(["Neighbourhood", "Post", "User"]);

    await query(target.url, `INSERT INTO "Neighbourhood" (name) VALUES ('Lombok')`);
    project.useSchema("schema.v1.prisma");
    const refused = await project.prisma(["db", "push"], target);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain("data loss");

    ok(await project.prisma(["db", "push", "--accept-data-loss"], target));
    expect(tableNames(await query(target.url, tablesSql))).toEqual(["Post", "User"]);
    project.useSchema("schema.v2.prisma");
  });

  it("a wasm panic is reported to the CLI as a panic", async () => {
    const result = await project.prisma(["migrate", "status"], main, { FORCE_PANIC_SCHEMA_ENGINE: "1" });
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("This is the debugPanic artificial panic");
  });

  it("cli can-connect-to-database answers P1003 for a missing database; create/drop-database work", async () => {
    const engine = (url: string, command: string) =>
      run(process.execPath, [ENGINE, "--datasource", JSON.stringify({ url }), "cli", command], { cwd: project.dir });
    const logs = (result: RunResult) =>
      result.stderr
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { level: string; target: string; fields: Record<string, unknown> });
    const missing = urlFor(names.missing);

    const refused = await engine(missing, "can-connect-to-database");
    expect(refused.code).toBe(1);
    const error = logs(refused).find((line) => line.level === "ERROR");
    expect(error?.target).toBe("schema_engine::logger");
    expect(error?.fields.error_code).toBe("P1003");
    expect(error?.fields.message).toContain(`Database \`${names.missing}\` does not exist`);

    expect((await engine(missing, "create-database")).code).toBe(0);
    expect((await engine(missing, "can-connect-to-database")).code).toBe(0);
    expect((await engine(missing, "drop-database")).code).toBe(0);
    expect((await engine(missing, "can-connect-to-database")).code).toBe(1);
  });
});

/**
 * PGlite: one PGlite instance is one database, so the shadow database and the
 * deploy target are separate PGlite servers. Each socket server accepts a single
 * connection (pglite-socket's default); that is enough because the engine keeps
 * its pool at one connection and opens no interactive transaction in these
 * commands, and the CLI's processes connect one after the other.
 */
describe("offline schema engine against PGlite (pglite-socket)", () => {
  interface Server {
    db: PGlite;
    socket: PGLiteSocketServer;
    url: string;
  }
  const servers: Server[] = [];
  let project: TempProject;
  let main: { url: string; shadowUrl: string };
  let deployTarget: Server;

  async function startServer(): Promise<Server> {
    const db = await PGlite.create();
    const socket = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 1 });
    await socket.start();
    const server = { db, socket, url: `postgresql://postgres@${socket.getServerConn()}/postgres` };
    servers.push(server);
    return server;
  }

  const tables = async (server: Server) => tableNames((await server.db.query<{ table_name: string }>(tablesSql)).rows);

  beforeAll(async () => {
    const [mainServer, shadowServer, deployServer] = [await startServer(), await startServer(), await startServer()];
    main = { url: mainServer!.url, shadowUrl: shadowServer!.url };
    deployTarget = deployServer!;
    project = new TempProject("pglite");
    project.useSchema("schema.v1.prisma");
  });

  afterAll(async () => {
    project?.remove();
    for (const server of servers) {
      await server.socket.stop();
      await server.db.close();
    }
  });

  it("migrate dev creates and applies migrations, keeping data", async () => {
    const mainDb = servers[0]!;
    ok(await project.prisma(["migrate", "dev", "--name", "init", "--create-only"], main));
    const [init] = project.migrations();
    fs.appendFileSync(project.migrationSql(init!), CHECK_CONSTRAINT);
    ok(await project.prisma(["migrate", "dev"], main));
    expect(await tables(mainDb)).toEqual(["Post", "User", "_prisma_migrations"]);

    // PGlite is PostgreSQL 18: NOT NULL constraints now show up in pg_constraint
    // (contype 'n'), so describing this database exercises the "char" handling.
    await mainDb.db.query(`INSERT INTO "User" (email) VALUES ('resident@example.org')`);
    project.useSchema("schema.v2.prisma");
    ok(await project.prisma(["migrate", "dev", "--name", "second"], main));
    expect(project.migrations()).toHaveLength(2);
    expect((await mainDb.db.query(`SELECT email FROM "User"`)).rows).toEqual([{ email: "resident@example.org" }]);
    expect(await tables(mainDb)).toContain("Neighbourhood");
  });

  it("migrate status reports the database up to date", async () => {
    const output = ok(await project.prisma(["migrate", "status"], main));
    expect(output).toContain("Database schema is up to date!");
  });

  it("migrate diff --from-migrations --exit-code is 0 in sync", async () => {
    const result = await project.prisma(
      ["migrate", "diff", "--from-migrations", "migrations", "--to-schema", "schema.prisma", "--exit-code"],
      main,
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });

  it("migrate deploy applies the migrations to a fresh PGlite database", async () => {
    ok(await project.prisma(["migrate", "deploy"], { url: deployTarget.url }));
    expect(await tables(deployTarget)).toEqual(["Neighbourhood", "Post", "User", "_prisma_migrations"]);
  });
});
