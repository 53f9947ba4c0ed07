/**
 * Wire-protocol front end that multiplexes client connections onto PGlite's
 * single session, handing the whole session to one connection at a time.
 *
 * Why this is not `PGLiteSocketServer` from `@electric-sql/pglite-socket` 0.2.17:
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
 * So a connection that sends a message becomes the session owner and keeps it
 * until Postgres answers with ReadyForQuery status 'I' (idle: no explicit
 * transaction, no half-finished extended-protocol batch, no COPY). Only then can
 * the next waiting connection (FIFO) run. Transactions of different
 * connections therefore never interleave, and nothing one connection sends can
 * execute inside another's transaction. Prepared statement names are prefixed
 * per connection, and a connection that goes away is cleaned up (rolled back,
 * its statements deallocated).
 *
 * Known limits of the single shared session (documented, not papered over):
 * session-level state (SET without LOCAL, temp tables, advisory locks, LISTEN,
 * SQL-level PREPARE) is shared by all connections while any are open; it is
 * reset with DISCARD ALL when the last connection closes. CancelRequest is
 * ignored (PGlite has no backend process to signal). Throughput is that of one
 * backend: a transaction that stays open blocks everyone else, which is why
 * there is an idle-in-transaction timeout.
 */
import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
// Only the protocol constants are reused from pglite-socket; see above for why
// its server/queue is not.
import { CANCEL_REQUEST_CODE, SSL_REQUEST_CODE } from "@electric-sql/pglite-socket";
import { FrameBuffer, readMessage, readStartupPacket } from "./framing.js";
import {
  GSSENC_REQUEST_CODE,
  PROTOCOL_3_0,
  ReadyForQueryTracker,
  SYNC,
  errorResponse,
  quoteIdent,
  scopeStatementNames,
  simpleQuery,
  type TransactionStatus,
} from "./messages.js";

/** How long stop() lets connected clients leave on their own before terminating them. */
const STOP_GRACE_MS = 250;

export type Log = (msg: string) => void;

export interface SessionServerOptions {
  log: Log;
  maxConnections: number;
  idleInTransactionTimeoutMs: number;
}

class ClientConnection {
  phase: "startup" | "ready" = "startup";
  /** Received bytes not yet cut into messages. */
  readonly input = new FrameBuffer();
  /** Complete frontend messages waiting for the session, in arrival order. */
  readonly inbox: Buffer[] = [];
  /** Socket closed or connection terminated: nothing more is executed for it. */
  closed = false;
  /** Has had a message executed, so it may have left state in the session. */
  usedSession = false;
  /** Server-side (prefixed) names of its prepared statements. */
  readonly statements = new Set<string>();

  constructor(
    readonly id: number,
    readonly socket: Socket,
  ) {}
}

export class SessionServer {
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

  constructor(db: PGlite, opts: SessionServerOptions) {
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
          err.code === "EADDRINUSE" ? new Error(`Embedded PostgreSQL: port ${port} on ${host} is already in use`, { cause: err }) : err,
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
    conn.input.push(chunk);
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
    const frame = readStartupPacket(conn.input);
    if (frame.status === "incomplete") return "wait";
    if (frame.status === "invalid") return this.#protocolViolation(conn, frame.reason);
    const { code, packet } = frame;
    if ((code === SSL_REQUEST_CODE || code === GSSENC_REQUEST_CODE) && packet.length === 8) {
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
    const frame = readMessage(conn.input);
    if (frame.status === "incomplete") return "wait";
    if (frame.status === "invalid") return this.#protocolViolation(conn, frame.reason);
    if (frame.type === 0x58 /* X Terminate */) {
      conn.closed = true;
      conn.socket.end();
      return "stop";
    }
    conn.inbox.push(scopeStatementNames(frame.message, `c${conn.id}_`, conn.statements));
    return "more";
  }

  #protocolViolation(conn: ClientConnection, what: string): "stop" {
    this.#log(`embedded PostgreSQL: connection #${conn.id}: ${what}, closing it`);
    this.#terminate(conn, "08P01", what);
    return "stop";
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

  async #execute(conn: ClientConnection, msg: Buffer): Promise<TransactionStatus | null> {
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
  async #runInternal(msg: Buffer): Promise<TransactionStatus | null> {
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
