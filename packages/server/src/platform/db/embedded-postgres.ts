/**
 * Embedded PostgreSQL for the server's default mode (no DATABASE_URL).
 *
 * PGlite (Postgres compiled to WASM) runs in this process with its data in a
 * folder, and is exposed on a loopback TCP port speaking the Postgres wire
 * protocol, so the app keeps using the same `pg` + `@prisma/adapter-pg` path as
 * with a real server, and child processes (the Prisma CLI's `migrate deploy`)
 * can connect to it too.
 *
 * Why this file has its own small wire-protocol front end instead of using
 * `PGLiteSocketServer` from `@electric-sql/pglite-socket` 0.2.17:
 *
 * PGlite is ONE Postgres backend = ONE session. Every client connection is
 * multiplexed onto it. pglite-socket's `QueryQueueManager` schedules individual
 * protocol *messages* (Parse, Bind, Execute, Sync … each queued separately) in
 * FIFO order and only keeps a connection's messages together while
 * `db.isInTransaction()` is true (explicit BEGIN … COMMIT). That is not enough:
 *   - in the extended protocol (every parameterised `pg` query) the messages
 *     Parse … Sync of one query form an implicit transaction for which
 *     `isInTransaction()` is false, so another connection's Parse can land
 *     between our Parse and Bind and replace the unnamed statement. We
 *     reproduced this with 4 MB parameters (their Bind arrives in several TCP
 *     chunks): queries got other connections' results / "invalid input syntax
 *     for type integer" errors;
 *   - after an error in the extended protocol Postgres skips everything until
 *     the next Sync, including other connections' messages;
 *   - named prepared statements are shared by all connections ("prepared
 *     statement already exists", and they outlive the client that made them);
 *   - if executing a message throws, the queue stays "processing" forever.
 * With the default `maxConnections: 1` it instead rejects a second connection
 * with the raw text "Too many connections", which breaks a pg.Pool and a
 * concurrent CLI.
 *
 * So this module hands the whole session to one connection at a time: a
 * connection that sends a message becomes the session owner and keeps it until
 * Postgres answers with ReadyForQuery status 'I' (idle: no explicit
 * transaction, no half-finished extended-protocol batch, no COPY). Only then can
 * the next waiting connection (FIFO) run. Transactions of different
 * connections therefore never interleave, and nothing one connection sends can
 * execute inside another's transaction. Prepared statement names are prefixed
 * per connection, and a connection that goes away is cleaned up (rolled back,
 * its statements deallocated). See EMBEDDED_POOL_OPTIONS for the pool side.
 *
 * Known limits of the single shared session (documented, not papered over):
 * session-level state (SET without LOCAL, temp tables, advisory locks, LISTEN,
 * SQL-level PREPARE) is shared by all connections while any are open; it is
 * reset with DISCARD ALL when the last connection closes. CancelRequest is
 * ignored (PGlite has no backend process to signal). Throughput is that of one
 * backend: a transaction that stays open blocks everyone else, which is why
 * there is an idle-in-transaction timeout.
 */
import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { createServer, isIP, type Server, type Socket } from "node:net";
import { hostname } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
// Only the protocol constants are reused from pglite-socket; see the header
// comment for why its server/queue is not.
import { CANCEL_REQUEST_CODE, SSL_REQUEST_CODE } from "@electric-sql/pglite-socket";
import type { PoolConfig } from "pg";

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
 * see above), so interactive transactions and extra clients work. But there is
 * only one backend, so more connections don't add throughput: they just queue
 * inside the server in FIFO order. A few are enough for concurrent GraphQL
 * requests to queue without the pool becoming the bottleneck. A connection
 * timeout makes a stuck server fail loudly instead of hanging requests.
 */
export const EMBEDDED_POOL_OPTIONS = Object.freeze({
  max: 4,
  idleTimeoutMillis: 30_000,
  connectionTimeoutMillis: 15_000,
}) satisfies Readonly<PoolConfig>;

export class EmbeddedPostgresLockedError extends Error {
  readonly code = "EMBEDDED_POSTGRES_LOCKED";
  constructor(
    message: string,
    readonly lockFile: string,
    readonly ownerPid: number | undefined,
  ) {
    super(message);
    this.name = "EmbeddedPostgresLockedError";
  }
}

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
    db = await PGlite.create({ dataDir });
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

// ---------------------------------------------------------------------------
// Lock file

interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  token: string;
}

function acquireLock(lockFile: string, dataDir: string, log: (msg: string) => void): () => void {
  const mine: LockInfo = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), token: randomUUID() };
  // Write the content to a private file and hard-link it into place: link()
  // fails atomically if the lock exists, and a competing starter never sees a
  // half-written lock that it could mistake for a stale one.
  const tmp = `${lockFile}.${process.pid}.${mine.token}.tmp`;
  const fd = openSync(tmp, "wx");
  try {
    writeSync(fd, `${JSON.stringify(mine)}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(tmp, lockFile);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw lockedError(err, lockFile, dataDir);
      }
      const other = readLock(lockFile);
      if (other && (other.hostname !== mine.hostname || isProcessAlive(other.pid))) {
        throw lockedError(undefined, lockFile, dataDir, other);
      }
      // The owner is gone (crash, kill -9): take over. Two processes taking
      // over the same stale lock at the very same moment is not excluded; that
      // needs a human starting two servers on one folder simultaneously.
      log(
        `embedded PostgreSQL: removing stale lock ${lockFile}` +
          (other ? ` (process ${other.pid} from ${other.startedAt} is not running)` : " (unreadable)"),
      );
      rmIfExists(lockFile);
    }
  } finally {
    rmIfExists(tmp);
  }

  let released = false;
  return () => {
    if (released) return;
    released = true;
    // Only remove the lock if it is still ours.
    if (readLock(lockFile)?.token === mine.token) rmIfExists(lockFile);
  };
}

function lockedError(cause: unknown, lockFile: string, dataDir: string, other?: LockInfo): Error {
  if (!other) {
    // Lost a race for the lock, or the file system refuses: report the owner if we can.
    other = readLock(lockFile);
    if (!other) return cause instanceof Error ? cause : new Error(String(cause));
  }
  return new EmbeddedPostgresLockedError(
    `Embedded PostgreSQL data folder ${dataDir} is already in use by process ${other.pid} on ${other.hostname} ` +
      `(since ${other.startedAt}; lock file ${lockFile}). Only one server can use a data folder at a time: ` +
      `stop the other server, use another data folder, or set DATABASE_URL to use a PostgreSQL server. ` +
      `If you are sure that process is not a wijknet server, delete the lock file.`,
    lockFile,
    other.pid,
  );
}

function readLock(lockFile: string): LockInfo | undefined {
  try {
    const parsed = JSON.parse(readFileSync(lockFile, "utf8")) as Partial<LockInfo>;
    if (typeof parsed.pid === "number" && typeof parsed.hostname === "string" && typeof parsed.token === "string") {
      return { pid: parsed.pid, hostname: parsed.hostname, startedAt: String(parsed.startedAt), token: parsed.token };
    }
  } catch {
    // missing or garbage: treated as no (valid) lock
  }
  return undefined;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: existence check only
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}

function rmIfExists(file: string): void {
  try {
    unlinkSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
}

function assertLoopback(host: string): void {
  const ok = host === "localhost" || host === "::1" || (isIP(host) === 4 && host.startsWith("127."));
  if (!ok) {
    // The embedded server has no authentication (user postgres, no password).
    throw new Error(`Embedded PostgreSQL only listens on loopback addresses, not on "${host}"`);
  }
}

// ---------------------------------------------------------------------------
// Wire protocol front end with whole-session hand-off

const PROTOCOL_3_0 = 196_608;
const GSSENC_REQUEST_CODE = 80_877_104;
const MAX_STARTUP_PACKET = 10_000; // as in Postgres
const MAX_MESSAGE = 1 << 30; // Postgres' limit is ~1 GB too
const CHAR_Z = 0x5a; // 'Z'
/** How long stop() lets connected clients leave on their own before terminating them. */
const STOP_GRACE_MS = 250;

type Log = (msg: string) => void;

class ClientConnection {
  phase: "startup" | "ready" = "startup";
  /** Complete frontend messages waiting for the session, in arrival order. */
  readonly inbox: Buffer[] = [];
  /** Socket closed or connection terminated: nothing more is executed for it. */
  closed = false;
  /** Has had a message executed, so it may have left state in the session. */
  usedSession = false;
  /** Server-side (prefixed) names of its prepared statements. */
  readonly statements = new Set<string>();
  readonly #chunks: Buffer[] = [];
  #buffered = 0;

  constructor(
    readonly id: number,
    readonly socket: Socket,
  ) {}

  push(chunk: Buffer): void {
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
  }

  /** Removes and returns the next `n` buffered bytes, or undefined if fewer are buffered. */
  take(n: number): Buffer | undefined {
    const head = this.peek(n);
    if (!head) return undefined;
    const all = this.#flatten();
    this.#chunks.length = 0;
    if (all.length > n) this.#chunks.push(all.subarray(n));
    this.#buffered -= n;
    return head;
  }

  peek(n: number): Buffer | undefined {
    if (this.#buffered < n) return undefined;
    return this.#flatten().subarray(0, n);
  }

  // Large messages arrive in many chunks; they are only joined once the whole
  // message is there (peek of a 5-byte header only joins when the first chunk
  // is shorter than that).
  #flatten(): Buffer {
    if (this.#chunks.length > 1) {
      const joined = Buffer.concat(this.#chunks, this.#buffered);
      this.#chunks.length = 0;
      this.#chunks.push(joined);
    }
    return this.#chunks[0] ?? Buffer.alloc(0);
  }

  headerBytes(n: number): Buffer | undefined {
    const first = this.#chunks[0];
    if (first && first.length >= n) return first.subarray(0, n);
    return this.peek(n);
  }
}

/**
 * Tracks backend message boundaries in a response stream and remembers whether
 * the last complete message was ReadyForQuery, and with which status.
 */
class ReadyForQueryTracker {
  readonly #header = Buffer.alloc(5);
  #headerBytes = 0;
  #remaining = 0;
  #type = 0;
  #lastByte = -1;
  /** 'I' idle, 'T' in transaction, 'E' failed transaction; null if the response didn't end with ReadyForQuery. */
  status: "I" | "T" | "E" | null = null;

  feed(data: Uint8Array): void {
    let i = 0;
    while (i < data.length) {
      if (this.#headerBytes < 5) {
        this.#header[this.#headerBytes++] = data[i++]!;
        if (this.#headerBytes === 5) {
          this.#type = this.#header[0]!;
          this.#remaining = this.#header.readInt32BE(1) - 4;
          this.#lastByte = -1;
          if (this.#remaining <= 0) this.#complete();
        }
        continue;
      }
      const n = Math.min(this.#remaining, data.length - i);
      this.#lastByte = data[i + n - 1]!;
      this.#remaining -= n;
      i += n;
      if (this.#remaining === 0) this.#complete();
    }
  }

  #complete(): void {
    const s = this.#type === CHAR_Z ? String.fromCharCode(this.#lastByte) : "";
    this.status = s === "I" || s === "T" || s === "E" ? s : null;
    this.#headerBytes = 0;
  }
}

class SessionServer {
  readonly #db: PGlite;
  readonly #log: Log;
  readonly #maxConnections: number;
  readonly #idleTimeoutMs: number;
  readonly #server: Server;
  readonly #conns = new Set<ClientConnection>();
  /** Connections with pending messages waiting for the session, FIFO. */
  readonly #waiting: ClientConnection[] = [];
  /** Closed connections whose prepared statements still have to be dropped. */
  readonly #gone: ClientConnection[] = [];
  #owner: ClientConnection | null = null;
  #pumping: Promise<void> | null = null;
  #idleTimer: NodeJS.Timeout | undefined;
  #sessionDirty = false;
  #closing = false;
  #nextId = 1;

  constructor(db: PGlite, opts: { log: Log; maxConnections: number; idleInTransactionTimeoutMs: number }) {
    this.#db = db;
    this.#log = opts.log;
    this.#maxConnections = opts.maxConnections;
    this.#idleTimeoutMs = opts.idleInTransactionTimeoutMs;
    this.#server = createServer((socket) => this.#accept(socket));
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException) => {
        reject(
          err.code === "EADDRINUSE"
            ? new Error(`Embedded PostgreSQL: port ${port} on ${host} is already in use`, { cause: err })
            : err,
        );
      };
      this.#server.once("error", onError);
      this.#server.listen(port, host, () => {
        this.#server.off("error", onError);
        this.#server.on("error", (err) => this.#log(`embedded PostgreSQL: server error: ${err.message}`));
        const addr = this.#server.address();
        resolve(typeof addr === "object" && addr ? addr.port : port);
      });
    });
  }

  async close(): Promise<void> {
    this.#closing = true;
    this.#clearIdleTimer();
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    if (this.#conns.size > 0) {
      // pg-pool's end() resolves before its sockets have sent Terminate, so the
      // usual `await pool.end(); await embedded.stop()` would otherwise race and
      // hand those clients a FATAL error that surfaces as a pool 'error'.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_GRACE_MS)))]);
      clearTimeout(timer);
    }
    for (const conn of this.#conns) {
      this.#terminate(conn, "57P01", "terminating connection because the embedded PostgreSQL server is stopping");
    }
    await closed; // all sockets are closed once this resolves
    // Let the session hand-off finish (roll back what the last owner left open)
    // before PGlite is closed.
    while (this.#pumping) await this.#pumping;
  }

  #accept(socket: Socket): void {
    socket.setNoDelay(true);
    if (this.#closing) {
      socket.destroy();
      return;
    }
    if (this.#conns.size >= this.#maxConnections) {
      this.#log(`embedded PostgreSQL: refusing connection, ${this.#maxConnections} clients already connected`);
      // Not tracked in #conns, so don't rely on the client to close it: stop()
      // waits for every socket of the listener.
      socket.end(errorResponse("53300", "sorry, too many clients already"), () => socket.destroy());
      return;
    }
    const conn = new ClientConnection(this.#nextId++, socket);
    this.#conns.add(conn);
    socket.on("data", (chunk: Buffer) => this.#onData(conn, chunk));
    socket.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code !== "ECONNRESET" && err.code !== "EPIPE") {
        this.#log(`embedded PostgreSQL: connection #${conn.id} error: ${err.message}`);
      }
    });
    socket.on("close", () => this.#onClose(conn));
  }

  #onData(conn: ClientConnection, chunk: Buffer): void {
    if (conn.closed) return;
    conn.push(chunk);
    const before = conn.inbox.length;
    for (;;) {
      const r = conn.phase === "startup" ? this.#readStartup(conn) : this.#readMessage(conn);
      if (r === "wait" || r === "stop") break;
    }
    if (conn.inbox.length > before && !conn.closed) {
      if (conn === this.#owner) this.#clearIdleTimer();
      else if (!this.#waiting.includes(conn)) this.#waiting.push(conn);
      this.#pump();
    }
  }

  #readStartup(conn: ClientConnection): "more" | "wait" | "stop" {
    const head = conn.headerBytes(8);
    if (!head) return "wait";
    const len = head.readInt32BE(0);
    const code = head.readInt32BE(4);
    if (len < 8 || len > MAX_STARTUP_PACKET) return this.#protocolViolation(conn, "invalid startup packet length");
    const packet = conn.take(len);
    if (!packet) return "wait";
    if ((code === SSL_REQUEST_CODE || code === GSSENC_REQUEST_CODE) && len === 8) {
      conn.socket.write("N"); // no TLS / GSS on loopback; client continues in plain text
      return "more";
    }
    if (code === CANCEL_REQUEST_CODE) {
      // PGlite has no backend process to signal; Postgres closes such connections without reply.
      conn.closed = true;
      conn.socket.end();
      return "stop";
    }
    if (code !== PROTOCOL_3_0) {
      this.#terminate(conn, "0A000", `unsupported frontend protocol ${code >>> 16}.${code & 0xffff}`);
      return "stop";
    }
    // The startup packet itself goes to PGlite (it answers AuthenticationOk,
    // ParameterStatus…, ReadyForQuery), under the session hand-off like any message.
    conn.inbox.push(packet);
    conn.phase = "ready";
    return "more";
  }

  #readMessage(conn: ClientConnection): "more" | "wait" | "stop" {
    const head = conn.headerBytes(5);
    if (!head) return "wait";
    const type = head[0]!;
    const len = head.readInt32BE(1);
    if (len < 4 || len > MAX_MESSAGE) return this.#protocolViolation(conn, "invalid message length");
    const msg = conn.take(1 + len);
    if (!msg) return "wait";
    if (type === 0x58 /* X Terminate */) {
      conn.closed = true;
      conn.socket.end();
      return "stop";
    }
    conn.inbox.push(this.#namespaceStatements(conn, msg));
    return "more";
  }

  #protocolViolation(conn: ClientConnection, what: string): "stop" {
    this.#log(`embedded PostgreSQL: connection #${conn.id}: ${what}, closing it`);
    this.#terminate(conn, "08P01", what);
    return "stop";
  }

  /**
   * All connections share one session, so the statement name "s1" of one
   * connection would be the "s1" of another. Prefix non-empty statement names
   * with the connection id in Parse, Bind, Describe and Close. (Portals need no
   * prefix: they end with the transaction, and the session changes hands only
   * between transactions.)
   */
  #namespaceStatements(conn: ClientConnection, msg: Buffer): Buffer {
    const prefix = (name: string) => (name === "" ? "" : `c${conn.id}_${name}`);
    switch (msg[0]) {
      case 0x50 /* P Parse: name, query, … */:
        return replaceCString(msg, 5, (name) => {
          const scoped = prefix(name);
          if (scoped) conn.statements.add(scoped);
          return scoped;
        });
      case 0x42 /* B Bind: portal, statement, … */: {
        const portalEnd = msg.indexOf(0, 5);
        return portalEnd < 0 ? msg : replaceCString(msg, portalEnd + 1, prefix);
      }
      case 0x44 /* D Describe */:
      case 0x43 /* C Close */:
        if (msg[5] !== 0x53 /* 'S' statement, not 'P' portal */) return msg;
        return replaceCString(msg, 6, (name) => {
          const scoped = prefix(name);
          if (msg[0] === 0x43) conn.statements.delete(scoped);
          return scoped;
        });
      default:
        return msg;
    }
  }

  #onClose(conn: ClientConnection): void {
    if (!this.#conns.delete(conn)) return;
    conn.closed = true;
    conn.inbox.length = 0;
    const i = this.#waiting.indexOf(conn);
    if (i >= 0) this.#waiting.splice(i, 1);
    if (conn === this.#owner) {
      // Mid-transaction (or mid-batch) disconnect: the pump rolls back.
      this.#clearIdleTimer();
      this.#pump();
    } else if (conn.usedSession) {
      this.#gone.push(conn);
      this.#pump();
    }
  }

  #terminate(conn: ClientConnection, sqlstate: string, message: string): void {
    const socket = conn.socket;
    if (conn.closed) {
      // It already said goodbye (Terminate) or was terminated: an error
      // message now would surface as a spurious pool 'error' in the client.
      socket.destroy();
      return;
    }
    conn.closed = true;
    conn.inbox.length = 0;
    if (socket.destroyed) return;
    // Tell the client why (pg reports the FATAL message), then make sure the
    // socket goes away even if the client doesn't close its side.
    const fallback = setTimeout(() => socket.destroy(), 2_000);
    socket.once("close", () => clearTimeout(fallback));
    socket.end(errorResponse(sqlstate, message), () => socket.destroy());
  }

  #pump(): void {
    if (this.#pumping) return; // the running loop picks up the new work
    this.#pumping = this.#drain().then(
      () => {
        this.#pumping = null;
      },
      (err: unknown) => {
        this.#pumping = null;
        this.#log(`embedded PostgreSQL: internal error: ${err instanceof Error ? err.stack : String(err)}`);
      },
    );
  }

  /**
   * The scheduler. Runs until there is nothing to do; `#pump()` restarts it
   * when messages arrive. All PGlite access from sockets goes through here,
   * one message at a time.
   */
  async #drain(): Promise<void> {
    for (;;) {
      const owner = this.#owner;
      if (owner) {
        if (owner.closed) {
          await this.#resetSession(owner);
          this.#owner = null;
          continue;
        }
        const msg = owner.inbox.shift();
        if (!msg) {
          // The owner is between statements of its transaction: everybody
          // else waits for its next message.
          this.#armIdleTimer(owner);
          return;
        }
        const status = await this.#execute(owner, msg);
        if (status === "I" || owner.closed) {
          this.#clearIdleTimer();
          if (!owner.closed) {
            this.#owner = null;
            if (owner.inbox.length > 0) this.#waiting.push(owner); // pipelined work: back of the queue
          }
        }
        continue;
      }

      // Nobody owns the session: clean up after departed clients first.
      if (this.#conns.size === 0 && this.#sessionDirty && !this.#closing) {
        // Last client gone: reset everything session-level they may have left
        // (statements, SET, temp tables, advisory locks, LISTEN).
        await this.#runInternal(simpleQuery("DISCARD ALL"));
        this.#sessionDirty = false;
        this.#gone.length = 0;
        continue;
      }
      const gone = this.#gone.shift();
      if (gone) {
        await this.#dropStatements(gone);
        continue;
      }
      const next = this.#waiting.shift();
      if (!next) return;
      if (next.closed || next.inbox.length === 0) continue;
      this.#owner = next;
    }
  }

  async #execute(conn: ClientConnection, msg: Buffer): Promise<"I" | "T" | "E" | null> {
    const tracker = new ReadyForQueryTracker();
    conn.usedSession = true;
    this.#sessionDirty = true;
    try {
      await this.#db.runExclusive(() =>
        this.#db.execProtocolRawStream(msg, {
          onRawData: (data) => {
            tracker.feed(data);
            // Copy: `data` is a view into PGlite's buffer, reused by the next message.
            if (!conn.closed && conn.socket.writable) conn.socket.write(Buffer.from(data));
          },
        }),
      );
    } catch (err) {
      // PGlite itself failed (not an SQL error, those are normal responses).
      // Drop the client; the scheduler then tries to roll the session back.
      this.#log(
        `embedded PostgreSQL: executing a message from connection #${conn.id} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
      this.#terminate(conn, "XX000", "embedded PostgreSQL internal error");
      return null;
    }
    return tracker.status;
  }

  /** Leaves the session idle after its owner vanished mid-transaction or mid-batch. */
  async #resetSession(conn: ClientConnection): Promise<void> {
    if (this.#db.closed) return;
    try {
      // ROLLBACK first: a Sync would *commit* a half-sent extended-protocol
      // batch (implicit transaction). After an error Postgres ignores
      // everything until Sync, so then Sync, and ROLLBACK again for a failed
      // explicit transaction (status 'E').
      let status = await this.#runInternal(simpleQuery("ROLLBACK"));
      if (status !== "I") status = await this.#runInternal(SYNC);
      if (status !== "I") status = await this.#runInternal(simpleQuery("ROLLBACK"));
      if (status !== "I") this.#log(`embedded PostgreSQL: could not reset the session after connection #${conn.id}`);
      else if (conn.usedSession && !this.#closing) {
        this.#log(`embedded PostgreSQL: connection #${conn.id} closed while owning the session; rolled back`);
      }
    } catch (err) {
      this.#log(`embedded PostgreSQL: session reset failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    await this.#dropStatements(conn);
  }

  async #dropStatements(conn: ClientConnection): Promise<void> {
    for (const name of conn.statements) {
      if (this.#db.closed) break;
      await this.#runInternal(simpleQuery(`DEALLOCATE ${quoteIdent(name)}`)).catch(() => null);
    }
    conn.statements.clear();
  }

  /** Runs a message for the server's own bookkeeping; the response is discarded. */
  async #runInternal(msg: Buffer): Promise<"I" | "T" | "E" | null> {
    const tracker = new ReadyForQueryTracker();
    // Always pass our own onRawData: PGlite keeps the last stream callback and
    // would otherwise send this output to the previous client's socket.
    await this.#db.runExclusive(() => this.#db.execProtocolRawStream(msg, { onRawData: (d) => tracker.feed(d) }));
    return tracker.status;
  }

  #armIdleTimer(owner: ClientConnection): void {
    if (this.#idleTimeoutMs <= 0 || this.#idleTimer || this.#closing) return;
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = undefined;
      if (this.#owner !== owner || owner.closed || owner.inbox.length > 0) return;
      if (this.#waiting.length === 0) {
        this.#armIdleTimer(owner); // harms nobody while nobody waits
        return;
      }
      this.#log(
        `embedded PostgreSQL: connection #${owner.id} kept a transaction open for ${this.#idleTimeoutMs} ms ` +
          `while ${this.#waiting.length} other connection(s) waited; terminating it (its transaction is rolled back)`,
      );
      this.#terminate(owner, "25P03", "terminating connection due to idle-in-transaction timeout");
      this.#pump();
    }, this.#idleTimeoutMs);
    // Never keep the process alive just for this timer.
    this.#idleTimer.unref();
  }

  #clearIdleTimer(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
  }
}

// ---------------------------------------------------------------------------
// Protocol helpers

const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);

function simpleQuery(sql: string): Buffer {
  const body = Buffer.from(`${sql}\0`, "utf8");
  const head = Buffer.alloc(5);
  head.write("Q", 0, "latin1");
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

function errorResponse(sqlstate: string, message: string): Buffer {
  const fields = [`SFATAL`, `VFATAL`, `C${sqlstate}`, `M${message}`].map((f) => Buffer.from(`${f}\0`, "utf8"));
  const body = Buffer.concat([...fields, Buffer.from([0])]);
  const head = Buffer.alloc(5);
  head.write("E", 0, "latin1");
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

/** Replaces the NUL-terminated string at `offset` and fixes the message length. */
function replaceCString(msg: Buffer, offset: number, map: (name: string) => string): Buffer {
  const end = msg.indexOf(0, offset);
  if (end < 0) return msg; // malformed: let Postgres report it
  // latin1 maps bytes 1:1, so names in any client encoding survive unchanged.
  const name = msg.toString("latin1", offset, end);
  const mapped = map(name);
  if (mapped === name) return msg;
  const out = Buffer.concat([msg.subarray(0, offset), Buffer.from(mapped, "latin1"), msg.subarray(end)]);
  out.writeInt32BE(out.length - 1, 1);
  return out;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
