/**
 * Prisma CLI configuration for wijknet.
 *
 * The CLI needs the native `schema-engine` binary, which it downloads from a host
 * this environment cannot reach. PRISMA_SCHEMA_ENGINE_BINARY points it at
 * engine/schema-engine.mjs instead: the same engine compiled to WebAssembly,
 * talking to PostgreSQL through @prisma/adapter-pg (see README.md). The config is
 * loaded before the CLI looks for the engine, so setting it here is enough; an
 * explicitly exported PRISMA_SCHEMA_ENGINE_BINARY still wins.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const here = path.dirname(fileURLToPath(import.meta.url));

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(here, "engine", "schema-engine.mjs");

const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/wijknet_dev";

/** The same URL with `_shadow` appended to the database name (the engine creates it when missing). */
function shadowUrlFor(url: string): string {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres";
  parsed.pathname = `/${encodeURIComponent(`${database}_shadow`)}`;
  return parsed.toString();
}

export default defineConfig({
  schema: "schema.prisma",
  migrations: {
    path: "migrations",
    seed: "pnpm --filter @wijknet/server seed",
  },
  datasource: {
    url: databaseUrl,
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL ?? shadowUrlFor(databaseUrl),
  },
});
