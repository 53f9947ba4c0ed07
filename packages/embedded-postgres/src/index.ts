/**
 * Embedded PostgreSQL: the server's default database when no DATABASE_URL is set.
 *
 * PGlite (Postgres compiled to WASM) runs in this process with its data in a
 * folder, and is exposed on a loopback TCP port speaking the Postgres wire
 * protocol, so the app keeps using the same `pg` + `@prisma/adapter-pg` path as
 * with a real server, and child processes (the Prisma CLI's `migrate deploy`)
 * can connect to it too. How many connections share PGlite's one session is
 * explained in session-server.ts.
 */
import { existsSync, mkdirSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { PoolConfig } from "pg";
import { acquireLock } from "./lock.js";
import { SessionServer } from "./session-server.js";

export { EmbeddedPostgresLockedError } from "./lock.js";

export interface EmbeddedPostgres {
  /** e.g. postgresql://postgres@127.0.0.1:54321/postgres?sslmode=disable */
  readonly connectionString: string;
  readonly host: string;
  readonly port: number;
  /** Absolute path of the PGlite data folder. */
  readonly dataDir: string;
  /** Absolute path of the lock file that marks the data folder as in use. */
  readonly lockFile: string;
  /**
   * Disconnects all clients (open transactions are rolled back), closes PGlite
   * (which checkpoints and flushes to disk) and removes the lock file.
   * Idempotent.
   */
  stop(): Promise<void>;
}

export interface StartEmbeddedPostgresOptions {
  /** Folder for the database files; created if missing. */
  dataDir: string;
  /** Loopback address to listen on (default 127.0.0.1). Non-loopback is refused: there is no authentication. */
  host?: string;
  /** TCP port; 0 (default) picks a free port. */
  port?: number;
  log?: (msg: string) => void;
  /** Max simultaneous client connections (default 64). */
  maxConnections?: number;
  /**
   * When the connection owning the session sends nothing for this long while
   * other connections wait, it is terminated (its transaction rolled back),
   * like Postgres' idle_in_transaction_session_timeout. Breaks the deadlock of
   * code that opens a transaction and then waits for a query on another
   * connection. 0 disables. Default 30 000 ms.
   */
  idleInTransactionTimeoutMs?: number;
}

/**
 * What a pg.Pool against the embedded server should use.
 *
 * More than one connection is safe (the server serialises whole transactions,
 * see session-server.ts), so interactive transactions and extra clients work.
 * But there is only one backend, so more connections don't add throughput: they
 * just queue inside the server in FIFO order. A few are enough for concurrent
 * GraphQL requests to queue without the pool becoming the bottleneck. A
 * connection timeout makes a stuck server fail loudly instead of hanging
 * requests.
 */
export const EMBEDDED_POOL_OPTIONS = Object.freeze({
  max: 4,
  idleTimeoutMillis: 30_000,
  connectionTimeoutMillis: 15_000,
}) satisfies Readonly<PoolConfig>;

export async function startEmbeddedPostgres(opts: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = opts.log ?? (() => {});
  const host = opts.host ?? "127.0.0.1";
  assertLoopback(host);
  const dataDir = path.resolve(opts.dataDir);
  // The lock lives next to the data folder, not inside it: the folder is
  // PGlite's PGDATA and must contain only Postgres' files.
  const lockFile = `${dataDir}.lock`;

  mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireLock(lockFile, dataDir, log);

  let db: PGlite | undefined;
  try {
    const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
    log(
      fresh
        ? `embedded PostgreSQL: initialising a new database in ${dataDir} (first start takes ~10 s)`
        : `embedded PostgreSQL: opening ${dataDir}`,
    );
    const t0 = performance.now();
    // Contrib extensions the migrations create (contact search: pg_trgm, unaccent). PGlite ships
    // them as separate bundles that must be handed over at start; CREATE EXTENSION then works.
    db = await PGlite.create({ dataDir, extensions: { pg_trgm, unaccent } });
    log(`embedded PostgreSQL: PGlite ready in ${Math.round(performance.now() - t0)} ms`);

    const server = new SessionServer(db, {
      log,
      maxConnections: opts.maxConnections ?? 64,
      idleInTransactionTimeoutMs: opts.idleInTransactionTimeoutMs ?? 30_000,
    });
    const port = await server.listen(host, opts.port ?? 0);
    const urlHost = isIP(host) === 6 ? `[${host}]` : host;
    const connectionString = `postgresql://postgres@${urlHost}:${port}/postgres?sslmode=disable`;
    log(`embedded PostgreSQL: listening on ${urlHost}:${port}`);

    const pglite = db;
    let stopping: Promise<void> | undefined;
    return {
      connectionString,
      host,
      port,
      dataDir,
      lockFile,
      stop() {
        stopping ??= (async () => {
          const t1 = performance.now();
          try {
            await server.close();
            await pglite.close();
          } finally {
            releaseLock();
          }
          log(`embedded PostgreSQL: stopped in ${Math.round(performance.now() - t1)} ms`);
        })();
        return stopping;
      },
    };
  } catch (err) {
    // Don't leave a lock (or a half-open PGlite) behind when start fails, e.g.
    // because the port is taken.
    if (db && !db.closed) await db.close().catch(() => {});
    releaseLock();
    throw err;
  }
}

function assertLoopback(host: string): void {
  const ok = host === "localhost" || host === "::1" || (isIP(host) === 4 && host.startsWith("127."));
  if (!ok) {
    // The embedded server has no authentication (user postgres, no password).
    throw new Error(`Embedded PostgreSQL only listens on loopback addresses, not on "${host}"`);
  }
}
