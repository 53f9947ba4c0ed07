import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../generated/prisma/client.js";

export type Db = PrismaClient;
/** The client handed to code running inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
/** Either the root client or a transaction: repositories accept both. */
export type DbOrTx = Db | Tx;

export interface Database {
  prisma: PrismaClient;
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url: string;
  poolMax: number;
  onPoolError?: (err: Error) => void;
  /** Extra pool settings (the embedded server needs its own). */
  pool?: Partial<pg.PoolConfig>;
}

/**
 * The one place the Prisma client is built: an explicit pg.Pool (so we control size,
 * timeouts and keep-alive, and can end it on shutdown) behind the Prisma pg adapter.
 */
export function createDatabase(opts: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolMax,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    // A runaway statement must not hold a connection forever.
    statement_timeout: 30_000,
    application_name: "wijknet",
    ...opts.pool,
  });
  // Without a listener an idle client's error (server restart) would crash the process.
  pool.on("error", (err) => opts.onPoolError?.(err));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** Whether Prisma refused a write on a unique constraint (P2002), e.g. a concurrent duplicate. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}
