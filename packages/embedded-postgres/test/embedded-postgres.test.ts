import { execFile } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect as netConnect } from "node:net";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EMBEDDED_POOL_OPTIONS,
  EmbeddedPostgresLockedError,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type StartEmbeddedPostgresOptions,
} from "../src/index.js";

/**
 * The embedded server multiplexes every connection onto ONE PGlite session, so
 * these tests go after the ways that can go wrong: statements of one connection
 * running inside another's transaction, extended-protocol messages of different
 * connections interleaving, shared prepared-statement names, and leftovers of
 * clients that vanish. Everything runs on loopback in a temp folder.
 */

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const IDLE_TIMEOUT_MS = 1_500;
const execFileAsync = promisify(execFile);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const root = mkdtempSync(path.join(tmpdir(), "wijknet-embedded-pg-"));
const dataDir = path.join(root, "pgdata");
const logs: string[] = [];
const started: EmbeddedPostgres[] = [];
const openClients: pg.Client[] = [];
let server: EmbeddedPostgres;
let pool: pg.Pool;

async function start(extra: Partial<StartEmbeddedPostgresOptions> = {}): Promise<EmbeddedPostgres> {
  const e = await startEmbeddedPostgres({ dataDir, log: (msg) => logs.push(msg), ...extra });
  started.push(e);
  return e;
}

function newClient(connectionString = server.connectionString): pg.Client {
  const c = new pg.Client({ connectionString, connectionTimeoutMillis: 15_000 });
  c.on("error", () => {}); // terminations are asserted where they matter
  openClients.push(c);
  return c;
}

async function count(label: string): Promise<number> {
  const r = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM marks WHERE label = $1", [label]);
  return r.rows[0]!.n;
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

beforeAll(async () => {
  server = await start({ idleInTransactionTimeoutMs: IDLE_TIMEOUT_MS });
  pool = new pg.Pool({ connectionString: server.connectionString, ...EMBEDDED_POOL_OPTIONS });
  pool.on("error", () => {});
  await pool.query("CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)");
  await pool.query("INSERT INTO counter VALUES (1, 0)");
  await pool.query("CREATE TABLE marks (id serial PRIMARY KEY, label text NOT NULL)");
});

afterAll(async () => {
  for (const c of openClients) await c.end().catch(() => {});
  await pool?.end().catch(() => {});
  for (const e of started) await e.stop();
  rmSync(root, { recursive: true, force: true });
});

describe("embedded PostgreSQL (PGlite over the wire protocol)", () => {
  it("serialises concurrent interactive transactions from a pool: no lost update, rollbacks leave no trace", async () => {
    await pool.query("UPDATE counter SET n = 0 WHERE id = 1");

    const increment = async () => {
      const c = await pool.connect();
      try {
        await c.query("BEGIN");
        const { rows } = await c.query<{ n: number }>("SELECT n FROM counter WHERE id = $1", [1]);
        await sleep(5); // room for another connection to slip in, if it could
        await c.query("UPDATE counter SET n = $1 WHERE id = $2", [rows[0]!.n + 1, 1]);
        await c.query("COMMIT");
      } finally {
        c.release();
      }
    };
    const rolledBack = async (i: number) => {
      const c = await pool.connect();
      try {
        await c.query("BEGIN");
        await c.query("INSERT INTO marks (label) VALUES ($1)", ["rolled-back"]);
        await c.query("UPDATE counter SET n = n + 1000 WHERE id = $1", [1]);
        await sleep(5);
        if (i % 2 === 0) {
          await c.query("ROLLBACK");
        } else {
          // a failed statement aborts the transaction; ROLLBACK must end it cleanly
          await expect(c.query("INSERT INTO counter VALUES ($1, 0)", [1])).rejects.toThrow(/duplicate key/);
          await c.query("ROLLBACK");
        }
      } finally {
        c.release();
      }
    };

    await Promise.all([...Array.from({ length: 20 }, increment), ...Array.from({ length: 6 }, (_, i) => rolledBack(i))]);

    const { rows } = await pool.query<{ n: number }>("SELECT n FROM counter WHERE id = 1");
    expect(rows[0]!.n).toBe(20);
    expect(await count("rolled-back")).toBe(0);
    // the callers really ran on several connections at once
    expect(pool.totalCount).toBeGreaterThan(1);
  });

  it("keeps a connection's extended-protocol messages together even when they arrive in many TCP chunks", async () => {
    // A 2 MB parameter makes Bind arrive in many chunks; with pglite-socket's
    // per-message queue another connection's Parse landed in between and these
    // queries got each other's statements (wrong rows, "invalid input syntax").
    const big = "x".repeat(2_000_000);
    const results = await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        if (i % 4 === 0) {
          const r = await pool.query<{ len: number; who: string }>(`SELECT length($1::text) AS len, 'big${i}' AS who`, [big]);
          return r.rows[0]!.who === `big${i}` && r.rows[0]!.len === big.length;
        }
        const r = await pool.query<{ v: number; who: string }>(`SELECT $1::int AS v, 'small${i}' AS who`, [i]);
        return r.rows[0]!.who === `small${i}` && r.rows[0]!.v === i;
      }),
    );
    expect(results.filter((ok) => !ok)).toEqual([]);
  });

  it("gives each connection its own prepared statement names and drops them when it leaves", async () => {
    const a = newClient();
    const b = newClient();
    await Promise.all([a.connect(), b.connect()]);
    const [ra, rb] = await Promise.all([
      a.query({ name: "same-name", text: "SELECT 'a' AS who" }),
      b.query({ name: "same-name", text: "SELECT 'b' AS who, 2 AS extra" }),
    ]);
    expect(ra.rows).toEqual([{ who: "a" }]);
    expect(rb.rows).toEqual([{ who: "b", extra: 2 }]);
    // reuse of the cached statement on the same connection still works
    expect((await a.query({ name: "same-name", text: "SELECT 'a' AS who" })).rows).toEqual([{ who: "a" }]);

    await a.end();
    await b.end();
    // the session is shared, so their statements would otherwise live on
    await waitFor("statements of closed clients to be deallocated", async () => {
      const r = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_prepared_statements");
      return r.rows[0]!.n === 0;
    });
    const c = newClient();
    await c.connect();
    expect((await c.query({ name: "same-name", text: "SELECT 'c' AS who" })).rows).toEqual([{ who: "c" }]);
    await c.end();
  });

  it("lets a separate client (like migrate deploy) connect while the pool is in a transaction, without joining it", async () => {
    const holder = await pool.connect();
    const events: string[] = [];
    try {
      await holder.query("BEGIN");
      await holder.query("INSERT INTO marks (label) VALUES ($1)", ["held"]);

      const cli = newClient();
      const cliWork = (async () => {
        await cli.connect();
        const seen = await cli.query<{ n: number }>("SELECT count(*)::int AS n FROM marks WHERE label = 'held'");
        await cli.query("INSERT INTO marks (label) VALUES ('from-cli')");
        events.push("cli done");
        await cli.end();
        return seen.rows[0]!.n;
      })();

      await sleep(300);
      // It must wait: running now would mean running inside the holder's transaction.
      expect(events).toEqual([]);
      events.push("holder rollback");
      await holder.query("ROLLBACK");

      // It ran after the rollback: saw nothing of it, and its own insert was not swallowed by it.
      expect(await cliWork).toBe(0);
      expect(events).toEqual(["holder rollback", "cli done"]);
      expect(await count("held")).toBe(0);
      expect(await count("from-cli")).toBe(1);
    } finally {
      holder.release();
    }
  });

  it("serves a child process's transaction alongside pool traffic", async () => {
    await pool.query("UPDATE counter SET n = 0 WHERE id = 1");
    // What the CLI's migrate deploy does: another process, its own connection, DDL in a transaction.
    const script = `
      import pg from "pg";
      const c = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 15000 });
      await c.connect();
      await c.query("BEGIN");
      await c.query("CREATE TABLE migrated_by_child (id int PRIMARY KEY)");
      await c.query("INSERT INTO migrated_by_child VALUES ($1)", [42]);
      await c.query("COMMIT");
      await c.end();
      process.stdout.write("ok");
    `;
    const child = execFileAsync(process.execPath, ["--input-type=module", "-e", script, server.connectionString], {
      cwd: PACKAGE_DIR, // resolves "pg" from this package (a dev dependency)
      timeout: 30_000,
    });
    const increments = Array.from({ length: 20 }, async () => {
      const c = await pool.connect();
      try {
        await c.query("BEGIN");
        await c.query("UPDATE counter SET n = n + $1 WHERE id = 1", [1]);
        await c.query("COMMIT");
      } finally {
        c.release();
      }
    });
    const [{ stdout }] = await Promise.all([child, ...increments]);
    expect(stdout).toBe("ok");
    expect((await pool.query("SELECT id FROM migrated_by_child")).rows).toEqual([{ id: 42 }]);
    expect((await pool.query("SELECT n FROM counter WHERE id = 1")).rows).toEqual([{ n: 20 }]);
  });

  it("rolls back and releases the session when a client disconnects in a transaction", async () => {
    const c = newClient();
    await c.connect();
    await c.query("BEGIN");
    await c.query("INSERT INTO marks (label) VALUES ('disconnected')");
    await c.end(); // Terminate while in the transaction
    expect(await count("disconnected")).toBe(0);
    expect(logs.some((l) => l.includes("closed while owning the session; rolled back"))).toBe(true);
  });

  it("rolls back a half-sent extended-protocol batch (Execute without Sync) of a vanished client", async () => {
    const socket = netConnect({ host: server.host, port: server.port });
    await once(socket, "connect");
    let received = Buffer.alloc(0);
    socket.on("data", (d: Buffer) => (received = Buffer.concat([received, d])));
    const msg = (type: string, body: Buffer) => {
      const head = Buffer.alloc(5);
      head.write(type, 0, "latin1");
      head.writeInt32BE(body.length + 4, 1);
      return Buffer.concat([head, body]);
    };
    const params = Buffer.from("user\0postgres\0database\0postgres\0\0", "latin1");
    const startup = Buffer.alloc(8);
    startup.writeInt32BE(8 + params.length, 0);
    startup.writeInt32BE(196_608, 4);
    socket.write(Buffer.concat([startup, params]));
    await waitFor("ReadyForQuery after startup", () => received.includes(Buffer.from([0x5a, 0, 0, 0, 5, 0x49])));

    socket.write(
      Buffer.concat([
        msg("P", Buffer.from("\0INSERT INTO marks (label) VALUES ('half-sent')\0\0\0", "latin1")),
        msg("B", Buffer.from([0, 0, 0, 0, 0, 0, 0, 0])), // unnamed portal+statement, no formats/params/result formats
        msg("E", Buffer.from([0, 0, 0, 0, 0])), // unnamed portal, no row limit
      ]),
    );
    await waitFor("the INSERT to execute", () => received.includes("INSERT 0 1"));
    socket.destroy();

    // A Sync would have committed that implicit transaction; a vanished client's work must not be.
    expect(await count("half-sent")).toBe(0);
  });

  it("terminates a connection that idles in a transaction while others wait", async () => {
    const idle = newClient();
    const idleError = new Promise<Error>((resolve) => idle.once("error", resolve));
    await idle.connect();
    await idle.query("BEGIN");
    await idle.query("INSERT INTO marks (label) VALUES ('abandoned')");

    // Blocked until the idle transaction is terminated (would hang forever without the timeout).
    const waited = Date.now();
    expect(await count("abandoned")).toBe(0);
    expect(Date.now() - waited).toBeGreaterThanOrEqual(IDLE_TIMEOUT_MS / 2);
    expect(((await idleError) as Error & { code?: string }).code).toBe("25P03");
    await expect(idle.query("SELECT 1")).rejects.toThrow();
  });

  it("runs PrismaPg interactive transactions through it (raw adapter API)", async () => {
    const factory = new PrismaPg(pool); // external pool: dispose() leaves it open
    const adapter = await factory.connect();
    const text = { scalarType: "string", arity: "scalar" } as const;
    const countRaw = async (label: string) =>
      (await adapter.queryRaw({ sql: "SELECT count(*)::int AS n FROM marks WHERE label = $1", args: [label], argTypes: [text] })).rows;
    try {
      const tx = await adapter.startTransaction();
      await tx.executeRaw({ sql: "INSERT INTO marks (label) VALUES ($1)", args: ["prisma-rb"], argTypes: [text] });
      // issued while the transaction is open: must neither see its row nor become part of it
      const outside = countRaw("prisma-rb");
      await sleep(100);
      await tx.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] });
      await tx.rollback();
      expect(await outside).toEqual([[0]]);

      const tx2 = await adapter.startTransaction("SERIALIZABLE");
      expect(await tx2.executeRaw({ sql: "INSERT INTO marks (label) VALUES ($1)", args: ["prisma-commit"], argTypes: [text] })).toBe(1);
      await tx2.executeRaw({ sql: "COMMIT", args: [], argTypes: [] });
      await tx2.commit();
      expect(await countRaw("prisma-commit")).toEqual([[1]]);
    } finally {
      await adapter.dispose();
    }
  });

  it("refuses a second start on the same data folder while the first runs", async () => {
    const attempt = startEmbeddedPostgres({ dataDir, log: () => {} });
    await expect(attempt).rejects.toBeInstanceOf(EmbeddedPostgresLockedError);
    await expect(attempt).rejects.toThrow(`${dataDir} is already in use by process ${process.pid}`);
    // the failed attempt must leave the running server's lock and server alone
    expect(JSON.parse(readFileSync(server.lockFile, "utf8")).pid).toBe(process.pid);
    expect((await pool.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });

  it("keeps data across stop and restart, takes over a stale lock, and stop() leaves no open handles", async () => {
    await pool.query("INSERT INTO marks (label) VALUES ('persisted')");
    const lingering = newClient();
    await lingering.connect();
    const lingeringError = new Promise<Error>((resolve) => lingering.once("error", resolve));
    const lingeringEnd = new Promise<void>((resolve) => lingering.once("end", () => resolve()));
    await pool.end();

    await server.stop();
    // a client still connected at stop is told why
    expect(((await lingeringError) as Error & { code?: string }).code).toBe("57P01");
    await lingeringEnd;
    expect(existsSync(server.lockFile)).toBe(false);
    const probe = netConnect({ host: server.host, port: server.port });
    const [refused] = (await once(probe, "error")) as [NodeJS.ErrnoException];
    expect(refused.code).toBe("ECONNREFUSED");

    // A crashed server leaves its lock behind; its pid is no longer running.
    const { stdout: deadPid } = await execFileAsync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    writeFileSync(
      server.lockFile,
      JSON.stringify({ pid: Number(deadPid), hostname: hostname(), startedAt: new Date().toISOString(), token: "stale" }),
    );

    const resourcesBefore = resourceCounts();
    const again = await start();
    expect(logs.some((l) => l.includes("removing stale lock"))).toBe(true);
    const c = newClient(again.connectionString);
    await c.connect();
    expect((await c.query("SELECT count(*)::int AS n FROM marks WHERE label = 'persisted'")).rows).toEqual([{ n: 1 }]);
    expect((await c.query("SELECT n FROM counter WHERE id = 1")).rows).toEqual([{ n: 20 }]);
    await c.end();
    await again.stop();

    await waitFor("sockets, servers and timers of the restarted server to be gone", () => {
      const now = resourceCounts();
      return (["TCPServerWrap", "TCPSocketWrap", "Timeout"] as const).every((k) => (now[k] ?? 0) <= (resourcesBefore[k] ?? 0));
    }).catch((err: Error) => {
      throw new Error(`${err.message}: before ${JSON.stringify(resourcesBefore)}, after ${JSON.stringify(resourceCounts())}`);
    });
  });
});

function resourceCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of process.getActiveResourcesInfo()) counts[r] = (counts[r] ?? 0) + 1;
  return counts;
}
