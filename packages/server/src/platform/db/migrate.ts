import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import pg from "pg";
import { REPO_ROOT } from "../config.js";

const PRISMA_DIR = join(REPO_ROOT, "prisma");

/** The Prisma CLI of the prisma/ workspace package (with its offline schema engine wired in prisma.config.ts). */
function prismaCli(): string {
  return createRequire(join(PRISMA_DIR, "package.json")).resolve("prisma/build/index.js");
}

/**
 * Applies pending migrations with `prisma migrate deploy` — the same command an operator
 * runs — so the embedded database and a real one are migrated by the very same path.
 */
export async function migrateDeploy(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const child = spawn(process.execPath, [prismaCli(), "migrate", "deploy"], {
    cwd: PRISMA_DIR,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const line of chunk.toString().split("\n")) if (line.trim()) log(line.trim());
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) throw new Error(`prisma migrate deploy failed (exit ${code}):\n${output.slice(-4000)}`);
}

/**
 * Whether every migration in prisma/migrations is applied, unchanged (Prisma's checksum is
 * the SHA-256 of migration.sql), and none failed. One query instead of starting Prisma's
 * schema engine (seconds through WebAssembly), so a restart of an up-to-date instance skips
 * `migrate deploy`; anything else — a new, edited or failed migration, no table yet — runs it,
 * and it reports as it always does.
 */
export async function migrationsUpToDate(databaseUrl: string): Promise<boolean> {
  const dir = join(PRISMA_DIR, "migrations");
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const expected = new Map(
    await Promise.all(
      names.map(
        async (name) =>
          [
            name,
            createHash("sha256")
              .update(await readFile(join(dir, name, "migration.sql")))
              .digest("hex"),
          ] as const,
      ),
    ),
  );
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('_prisma_migrations')::text AS t`);
    if (!exists.rows[0]?.t) return false;
    const rows = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations",
    );
    const applied = new Map<string, string>();
    for (const r of rows.rows) {
      if (r.rolled_back_at) continue;
      if (!r.finished_at) return false; // a failed or running migration: let Prisma say so
      applied.set(r.migration_name, r.checksum);
    }
    for (const [name, checksum] of expected) if (applied.get(name) !== checksum) return false;
    return true;
  } finally {
    await client.end();
  }
}
