#!/usr/bin/env node
// @ts-check
/**
 * Offline stand-in for Prisma's native `schema-engine` binary (PostgreSQL only).
 *
 * The Prisma CLI (`prisma migrate …`, `prisma db …`) spawns the schema engine and
 * talks to it in one of two ways:
 *
 *  1. RPC mode: `schema-engine --datamodels <file>… --datasource '{"url":…,"shadowDatabaseUrl":…}'`
 *     Newline-delimited JSON-RPC 2.0 on stdin/stdout, JSON log lines on stderr.
 *  2. CLI mode: `schema-engine --datasource '{"url":…}' cli <can-connect-to-database|create-database|drop-database>`
 *     Exit code 0 on success; on failure exit 1 with an ERROR log line on stderr that
 *     carries `fields.error_code` / `fields.message` (e.g. P1003 for a missing database).
 *
 * The native binary is downloaded from a host this machine cannot reach, so this
 * script answers both protocols with the WebAssembly build of the same engine
 * (`prisma/build/schema_engine_bg.wasm`, shipped inside the `prisma` npm package and
 * built from the exact engines commit the CLI expects) driven through
 * `@prisma/adapter-pg`. `prisma.config.ts` points PRISMA_SCHEMA_ENGINE_BINARY here.
 *
 * See prisma/README.md for the version pinning and the adapter traps handled below.
 */
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";

import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);

/**
 * The WebAssembly JS API (TypeScript's ES lib has no declarations for it without DOM).
 * @type {{
 *   Module: { new (bytes: Uint8Array): object, imports(module: object): { module: string, name: string }[] },
 *   Instance: new (module: object, imports: object) => { exports: Record<string, any> },
 *   RuntimeError: new (...args: any[]) => Error,
 * }}
 */
const Wasm = /** @type {any} */ (globalThis).WebAssembly;

/** Error code the native engine uses for every JSON-RPC error (the details live in `error.data`). */
const RPC_ERROR_CODE = 4466;
/** How long admin connections (CLI mode, shadow database bootstrap) wait for the server. */
const CONNECT_TIMEOUT_MS = 10_000;

// ---------------------------------------------------------------------------
// Logging: the CLI reads stderr line by line and expects tracing-style JSON
// (`{level, target, fields: {message, …}}`); ERROR lines become `lastError`.
// ---------------------------------------------------------------------------

/**
 * @param {'INFO' | 'WARN' | 'ERROR' | 'DEBUG'} level
 * @param {string} message
 * @param {Record<string, unknown>} [fields]
 * @param {string} [target]
 */
function log(level, message, fields = {}, target = "schema_engine") {
  process.stderr.write(`${JSON.stringify({ level, fields: { message, ...fields }, target })}\n`);
}

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

/**
 * @typedef {{ url?: string, shadowDatabaseUrl?: string }} DatasourceArg
 * @typedef {{ datamodels: string[], datasource: DatasourceArg, version: boolean, help: boolean, cli: string[] | null }} Args
 */

/** @param {string[]} argv @returns {Args} */
function parseArgs(argv) {
  /** @type {Args} */
  const args = { datamodels: [], datasource: {}, version: false, help: false, cli: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`Missing value for ${arg}`);
      return next;
    };
    switch (arg) {
      case "-d":
      case "--datamodels":
        args.datamodels.push(value());
        break;
      case "--datasource":
        args.datasource = JSON.parse(value());
        break;
      // The wasm engine reads preview features from the schema itself and has no
      // extension support; accept the flags so the CLI's invocation stays valid.
      case "--enabled-preview-features":
      case "--extension-types":
        value();
        break;
      case "-V":
      case "--version":
        args.version = true;
        break;
      case "-h":
      case "--help":
        args.help = true;
        break;
      case "cli":
        args.cli = argv.slice(i + 1);
        return args;
      default:
        throw new Error(`Unexpected argument: ${arg}`);
    }
  }
  return args;
}

// ---------------------------------------------------------------------------
// Connection strings
// ---------------------------------------------------------------------------

/**
 * @typedef {{ connectionString: string, schema: string | undefined, database: string, host: string, port: string, user: string }} PgTarget
 */

/**
 * Splits a Prisma PostgreSQL URL into what `pg` understands and the bits Prisma
 * handles itself (`?schema=` selects the default schema, it is not a libpq option).
 * @param {string} url
 * @returns {PgTarget}
 */
function parsePgUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("The datasource URL is not a valid URL.");
  }
  if (!["postgres:", "postgresql:"].includes(parsed.protocol)) {
    throw new Error(`This offline schema engine only supports PostgreSQL, but the datasource URL uses \`${parsed.protocol}\`.`);
  }
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  return {
    connectionString: parsed.toString(),
    schema,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres",
    host: parsed.searchParams.get("host") ?? (parsed.hostname || "localhost"),
    port: parsed.port || "5432",
    user: decodeURIComponent(parsed.username) || "postgres",
  };
}

/** @param {string} url @param {string} database */
function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** @param {string} name */
const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/** An error with a Prisma error code (P1xxx…), reported like the native engine does. */
class KnownError extends Error {
  /** @param {string} code @param {string} message */
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/**
 * Maps a `pg` connection/admin error to the user-facing error the native engine
 * would report (same codes and wording), or returns null when there is none.
 * @param {any} err
 * @param {PgTarget} target
 */
function toKnownError(err, target) {
  const at = `${target.host}:${target.port}`;
  switch (err?.code) {
    case "3D000":
      return new KnownError("P1003", `Database \`${target.database}\` does not exist on the database server at \`${at}\`.`);
    case "28P01":
    case "28000":
      return new KnownError(
        "P1000",
        `Authentication failed against database server, the provided database credentials for \`${target.user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at the configured address.`,
      );
    case "42P04":
      return new KnownError("P1009", `Database \`${target.database}\` already exists on the database server at \`${at}\``);
    case "42501":
      return new KnownError("P1010", `User \`${target.user}\` was denied access on the database \`${target.database}\``);
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
      return new KnownError(
        "P1001",
        `Can't reach database server at \`${at}\`\n\nPlease make sure your database server is running at \`${at}\`.`,
      );
    default:
      if (/connection timeout|timeout expired/i.test(String(err?.message))) {
        return new KnownError("P1002", `The database server at \`${at}\` was reached but timed out.`);
      }
      return null;
  }
}

// ---------------------------------------------------------------------------
// Plain `pg` helpers (CLI mode and shadow database bootstrap)
// ---------------------------------------------------------------------------

/**
 * Opens a single connection, runs `fn`, always closes it. Errors are mapped to
 * Prisma's P1xxx errors when possible: connection errors are about `target`,
 * errors of the queries in `fn` are about `subject` (they differ for the
 * maintenance connection used to create or drop another database).
 * @template T
 * @param {PgTarget} target
 * @param {(client: pg.Client) => Promise<T>} fn
 * @param {PgTarget} [subject]
 * @returns {Promise<T>}
 */
async function withClient(target, fn, subject = target) {
  const client = new pg.Client({ connectionString: target.connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A dropped connection must surface as a rejected query, not crash the process.
  client.on("error", () => {});
  let connected = false;
  try {
    await client.connect();
    connected = true;
    return await fn(client);
  } catch (err) {
    throw toKnownError(err, connected ? subject : target) ?? err;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Runs `fn` on a maintenance database of the same server (the native engine
 * uses `postgres`, falling back to `template1`), for CREATE/DROP DATABASE.
 * @template T
 * @param {PgTarget} target
 * @param {(client: pg.Client) => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withMaintenanceClient(target, fn) {
  const maintenance = (/** @type {string} */ name) => parsePgUrl(withDatabase(target.connectionString, name));
  try {
    return await withClient(maintenance("postgres"), fn, target);
  } catch (err) {
    if (!(err instanceof KnownError && err.code === "P1003" && err.message.includes("`postgres`"))) throw err;
    return await withClient(maintenance("template1"), fn, target);
  }
}

/** @param {PgTarget} target */
async function canConnect(target) {
  await withClient(target, (client) => client.query("SELECT 1"));
}

/** @param {PgTarget} target */
async function createDatabase(target) {
  await withMaintenanceClient(target, (client) => client.query(`CREATE DATABASE ${quoteIdent(target.database)}`));
}

/** @param {PgTarget} target */
async function dropDatabase(target) {
  await withMaintenanceClient(target, (client) => client.query(`DROP DATABASE ${quoteIdent(target.database)}`));
}

/** Creates the database if it does not exist yet; returns true when it was created. @param {PgTarget} target */
async function ensureDatabase(target) {
  try {
    await canConnect(target);
    return false;
  } catch (err) {
    if (!(err instanceof KnownError && err.code === "P1003")) throw err;
  }
  try {
    await createDatabase(target);
  } catch (err) {
    // Lost a race against a concurrent creator: fine, it exists now.
    if (!(err instanceof KnownError && err.code === "P1009")) throw err;
  }
  return true;
}

/**
 * Empties a user-provided shadow database by dropping every non-system schema and
 * recreating the default one. The native engine also resets a configured shadow
 * database before replaying migrations into it; the wasm engine does not (it
 * expects a pristine database from the adapter factory), so this does it.
 * Works on servers where CREATE/DROP DATABASE is not possible (PGlite).
 * @param {PgTarget} target
 */
async function resetShadowDatabase(target) {
  await withClient(target, async (client) => {
    const { rows } = await client.query(
      `SELECT nspname FROM pg_namespace
        WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`,
    );
    const drops = rows.map((row) => `DROP SCHEMA IF EXISTS ${quoteIdent(row.nspname)} CASCADE;`);
    const defaultSchema = quoteIdent(target.schema ?? "public");
    await client.query(`${drops.join("\n")}\nCREATE SCHEMA IF NOT EXISTS ${defaultSchema};`);
  });
}

// ---------------------------------------------------------------------------
// Driver adapter for the wasm engine (and the traps of @prisma/adapter-pg 7.10.1)
// ---------------------------------------------------------------------------

/**
 * Trap 2 — the Postgres `"char"` type (OID 18).
 * The engine's schema describer selects catalog columns of type "char"
 * (pg_constraint.contype AS constraint_type, confdeltype, confupdtype) without a
 * cast. adapter-pg's fieldToColumnType() has no mapping for OID 18 and throws
 * UnsupportedNativeDataType, which surfaces as "Column type 'char' could not be
 * deserialized from the database" on any database with a foreign key.
 * Mapping the column to plain text is not enough: the describer reads
 * constraint_type with get_expect_char() and panics on a text value (it only
 * returns rows for CHECK/EXCLUDE constraints on PostgreSQL ≤ 17, but for every
 * NOT NULL constraint on PostgreSQL 18 / PGlite). So the column must reach the
 * engine as ColumnType.Character, which adapter-pg never produces:
 *  1. where pg records the RowDescription, a "char" column is reported as text
 *     (OID 25; in the text protocol its value is just the character, so this is
 *     lossless and fieldToColumnType() accepts it), and its index is remembered
 *     against the result's `rows` array, which adapter-pg's queryRaw() passes
 *     through unchanged;
 *  2. a queryRaw() wrapper (see withCharColumns) turns those columns' type into
 *     Character.
 * The patch only lives in this short-lived engine process.
 */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
/** @type {WeakMap<unknown[], number[]>} rows array of a pg result → indices of its "char" columns */
const charColumnsByRows = new WeakMap();
/** @type {{ addFields(fields: pg.FieldDef[]): void, rows: unknown[] }} `addFields` is internal to pg */
const resultPrototype = /** @type {any} */ (pg.Result.prototype);
const addFields = resultPrototype.addFields;
resultPrototype.addFields = function addFieldsCharAsText(/** @type {pg.FieldDef[]} */ fieldDescriptions) {
  /** @type {number[]} */
  const charColumns = [];
  fieldDescriptions.forEach((field, index) => {
    if (field.dataTypeID === PG_CHAR_OID) {
      field.dataTypeID = PG_TEXT_OID;
      charColumns.push(index);
    }
  });
  if (charColumns.length > 0) charColumnsByRows.set(this.rows, charColumns);
  return addFields.call(this, fieldDescriptions);
};

/**
 * Second half of trap 2: report the remembered "char" columns as Character.
 * @template {{ queryRaw: (query: any) => Promise<{ rows: unknown[], columnTypes: number[] }> }} Q
 * @param {Q} queryable an adapter or one of its transactions
 * @returns {Q}
 */
function withCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumnsByRows.get(result.rows) ?? []) {
      result.columnTypes[index] = ColumnTypeEnum.Character;
    }
    return result;
  };
  return queryable;
}

/** Adapters still open, closed on shutdown so no connection outlives the engine. */
const openAdapters = new Set();

/**
 * Connects a PrismaPg adapter to `target`, with "char" columns reported as
 * Character (trap 2, above) and one more fix:
 *
 * Trap 3 — adapter-pg's executeScript() splits the script on every `;` and runs
 * the pieces one by one, which breaks any migration containing a semicolon in a
 * string literal, a comment or a function body, and is not atomic. The native
 * engine sends the whole migration as one simple-protocol query; executeRaw()
 * without arguments does exactly that (pg uses the simple protocol when there are
 * no bind values) and keeps adapter-pg's error mapping.
 *
 * @param {PgTarget} target
 * @param {() => Promise<void>} [onDispose] extra cleanup after the pool is closed
 */
async function connectAdapter(target, onDispose) {
  const factory = new PrismaPg(
    {
      connectionString: target.connectionString,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // The native engine works on a single connection. Keeping the pool at one
      // connection preserves session semantics the engine relies on (the
      // migration advisory lock is taken and released by the same session) and
      // is what single-connection servers such as pglite-socket accept.
      max: 1,
    },
    target.schema ? { schema: target.schema } : undefined,
  );
  const adapter = withCharColumns(await factory.connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => withCharColumns(await startTransaction(isolationLevel));
  adapter.executeScript = async (script) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    openAdapters.delete(adapter);
    await dispose();
    await onDispose?.();
  };
  openAdapters.add(adapter);
  return adapter;
}

/**
 * The migration-aware adapter factory handed to the wasm engine.
 *
 * Trap 1 — the shadow database. PrismaPg.connectToShadowDb() creates a
 * `prisma_migrate_shadow_db_<uuid>` database and then connects with
 * `{ ...config, database }`; when the config is a connection string, pg lets the
 * connection string win, so the "shadow" connection is the MAIN database and
 * `migrate dev` replays (and resets) migrations on it, destroying its data.
 * This factory never calls it: it connects to the configured shadowDatabaseUrl
 * (created if missing, emptied before use, like the native engine does), or, when
 * none is configured, to a temporary database that it really connects to and
 * drops afterwards.
 *
 * @param {DatasourceArg} datasource
 */
function createAdapterFactory(datasource) {
  if (!datasource.url) {
    throw new Error("The datasource URL is missing. Set `datasource.url` in prisma.config.ts (see https://pris.ly/d/config-url).");
  }
  const main = parsePgUrl(datasource.url);
  const shadow = datasource.shadowDatabaseUrl ? parsePgUrl(datasource.shadowDatabaseUrl) : undefined;

  const factory = {
    provider: /** @type {const} */ ("postgres"),
    adapterName: "@prisma/adapter-pg",
    connect: () => connectAdapter(main),
    connectToShadowDb: async () => {
      if (shadow) {
        if (sameDatabase(main, shadow)) {
          throw new Error(
            "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.",
          );
        }
        if (await ensureDatabase(shadow)) log("INFO", `Created shadow database \`${shadow.database}\``);
        await resetShadowDatabase(shadow);
        return connectAdapter(shadow);
      }
      const temporary = `prisma_migrate_shadow_db_${randomUUID()}`;
      const target = parsePgUrl(withDatabase(main.connectionString, temporary));
      await createDatabase(target);
      return connectAdapter(target, () => dropDatabase(target));
    },
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}

/** @param {PgTarget} a @param {PgTarget} b */
function sameDatabase(a, b) {
  return a.host === b.host && a.port === b.port && a.database === b.database && (a.schema ?? "public") === (b.schema ?? "public");
}

// ---------------------------------------------------------------------------
// WebAssembly engine
// ---------------------------------------------------------------------------

/**
 * The Rust panic hook of the wasm engine calls
 * `globalThis.PRISMA_WASM_PANIC_REGISTRY.set_message(msg)` and then traps with
 * a bare `RuntimeError: unreachable`. Without this registry the hook itself
 * throws and the panic message is lost.
 */
const panicRegistry = {
  message: "",
  /** @param {string} message */
  set_message(message) {
    this.message = message;
  },
};
/** @type {any} */ (globalThis).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

/**
 * The wasm module must come from the `prisma` package: its build/schema_engine_bg.wasm
 * is compiled from the engines commit the CLI was released with (its protocol).
 * The JS glue comes from @prisma/schema-engine-wasm, whose own wasm is a newer
 * engines commit; the glue is checked to provide every import the wasm needs.
 */
function resolveWasmPath() {
  if (process.env.PRISMA_SCHEMA_ENGINE_WASM) return path.resolve(process.env.PRISMA_SCHEMA_ENGINE_WASM);
  return path.join(path.dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm");
}

let wasmLoaded = false;
function loadWasm() {
  if (wasmLoaded) return;
  const wasmPath = resolveWasmPath();
  const module = new Wasm.Module(fs.readFileSync(wasmPath));
  const missing = Wasm.Module.imports(module)
    .filter((imp) => !(imp.name in glue))
    .map((imp) => imp.name);
  if (missing.length > 0) {
    throw new Error(
      `${wasmPath} does not match the installed @prisma/schema-engine-wasm glue (missing imports: ${missing
        .slice(0, 5)
        .join(", ")}). Pin @prisma/schema-engine-wasm to a version whose glue pairs with this prisma release (see prisma/README.md).`,
    );
  }
  const instance = new Wasm.Instance(module, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  wasmLoaded = true;
}

/** @param {unknown} err */
const isWasmPanic = (err) => err instanceof Wasm.RuntimeError;

// ---------------------------------------------------------------------------
// JSON-RPC server
// ---------------------------------------------------------------------------

/**
 * @typedef {{ jsonrpc: '2.0', id: number | string | null, method?: string, params?: any, result?: any, error?: any }} RpcMessage
 */

class RpcServer {
  /** @param {Args} args */
  constructor(args) {
    this.args = args;
    /** @type {Promise<glue.SchemaEngine> | null} */
    this.enginePromise = null;
    /** Set after a wasm panic: the engine must not be called again. */
    this.panicked = /** @type {string | null} */ (null);
    /**
     * Requests are answered strictly one at a time. The wasm SchemaEngine
     * methods take `&mut self`: a second call while one is awaiting the database
     * fails with wasm-bindgen's "recursive use of an object detected" error.
     */
    this.queue = Promise.resolve();
    /**
     * Rejected when the wasm engine panics. A panic inside one of the engine's
     * async continuations (e.g. while it processes a query result) is thrown from
     * a promise job, not from the method call: it reaches `uncaughtException`
     * and the method's promise never settles. Every dispatch races this signal
     * so the request in flight is still answered (with is_panic) and the queue
     * does not hang.
     */
    /** @type {(err: unknown) => void} */
    this.signalPanic = () => {};
    this.panicSignal = new Promise((_, reject) => {
      this.signalPanic = reject;
    });
    this.panicSignal.catch(() => {});
    /** Fails the request in flight (see onUncaught). @type {((err: unknown) => void) | null} */
    this.failCurrent = null;
    /** Pending engine→CLI requests (`print`), keyed by id. @type {Map<string, (msg: RpcMessage) => void>} */
    this.outgoing = new Map();
    this.nextOutgoingId = 0;
  }

  /** @param {RpcMessage} message */
  send(message) {
    process.stdout.write(`${JSON.stringify(message)}\n`);
  }

  /** @param {string} line */
  onLine(line) {
    if (line.trim() === "") return;
    /** @type {RpcMessage} */
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      this.send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (typeof message.method === "string") {
      this.queue = this.queue.then(() => this.handleRequest(message));
      return;
    }
    // A response to one of our own requests. It must be dispatched right here,
    // not queued: the request that is waiting for it (a `diff` awaiting its
    // `print`) is the one currently holding the queue.
    const resolve = this.outgoing.get(String(message.id));
    if (resolve) {
      this.outgoing.delete(String(message.id));
      resolve(message);
    }
  }

  /**
   * Sends a request to the CLI and waits for its answer.
   * @param {string} method
   * @param {unknown} params
   */
  request(method, params) {
    const id = `engine-${++this.nextOutgoingId}`;
    return new Promise((resolve) => {
      this.outgoing.set(id, resolve);
      this.send({ jsonrpc: "2.0", id, method, params });
    });
  }

  /** @returns {Promise<glue.SchemaEngine>} */
  engine() {
    if (!this.enginePromise) {
      this.enginePromise = this.createEngine();
      // A failed start (database down, missing…) is reported to the request that
      // triggered it; the next request tries again.
      this.enginePromise.catch(() => {
        this.enginePromise = null;
      });
    }
    return this.enginePromise;
  }

  async createEngine() {
    loadWasm();
    const adapterFactory = createAdapterFactory(this.args.datasource);
    /** @type {[string, string][] | undefined} */
    const datamodels =
      this.args.datamodels.length > 0 ? this.args.datamodels.map((file) => [file, fs.readFileSync(file, "utf8")]) : undefined;
    /** @param {string} line tracing-subscriber JSON, forwarded as-is */
    const forwardLog = (line) => {
      process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);
    };
    try {
      return await glue.SchemaEngine.new({ datamodels }, forwardLog, adapterFactory);
    } catch (err) {
      // The engine says e.g. "Database `x` does not exist" without an error code;
      // ask the server directly so the CLI gets the native P1xxx error.
      const target = parsePgUrl(/** @type {string} */ (this.args.datasource.url));
      await canConnect(target);
      throw err;
    }
  }

  /** @param {RpcMessage} request */
  async handleRequest(request) {
    const { id, method, params } = request;
    try {
      const failure = new Promise((_, reject) => {
        this.failCurrent = reject;
      });
      const result = await Promise.race([this.dispatch(/** @type {string} */ (method), params ?? {}), this.panicSignal, failure]);
      // The CLI rejects responses without a `result` property, so void → {}.
      this.send({ jsonrpc: "2.0", id, result: result ?? {} });
    } catch (err) {
      this.send({ jsonrpc: "2.0", id, error: this.toRpcError(err) });
    } finally {
      this.failCurrent = null;
    }
  }

  /**
   * Called for exceptions nobody awaited. A wasm panic poisons the engine and is
   * reported to the request in flight. Other errors thrown from the engine's
   * promise jobs (e.g. wasm-bindgen failing to deserialize a parameter) fail the
   * request in flight only. Returns false when there was nothing to report to.
   * @param {unknown} err
   */
  onUncaught(err) {
    if (isWasmPanic(err)) {
      log("ERROR", panicRegistry.message || String(err), { is_panic: true }, "schema_engine::logger");
      this.signalPanic(err);
      return true;
    }
    if (!this.failCurrent) return false;
    // The aborted call never released its `&mut self` borrow of the SchemaEngine,
    // so every later call on it would fail with "recursive use of an object
    // detected": start a fresh one for the next request.
    this.enginePromise = null;
    this.failCurrent(err);
    return true;
  }

  /** @param {any} err */
  toRpcError(err) {
    if (isWasmPanic(err) || this.panicked) {
      const message = this.panicked ?? (panicRegistry.message || String(err?.message ?? err));
      // Nothing in the engine is safe to call after a panic; answer every later request with it.
      this.panicked = message;
      return {
        code: RPC_ERROR_CODE,
        message,
        data: { is_panic: true, message, backtrace: String(err?.stack ?? "") },
      };
    }
    if (err?.code === -32601) return { code: -32601, message: err.message };
    const message = String(err?.message ?? err);
    const errorCode = typeof err?.code === "string" && /^P\d{4}$/.test(err.code) ? err.code : undefined;
    return {
      code: RPC_ERROR_CODE,
      message: "An error happened. Check the data field for details.",
      data: { is_panic: false, message, meta: err?.meta ?? null, error_code: errorCode },
    };
  }

  /**
   * @param {string} method
   * @param {any} params
   */
  async dispatch(method, params) {
    if (this.panicked) throw new Error(this.panicked);
    switch (method) {
      case "getDatabaseVersion":
        // The CLI may send no params or `{datasource}`; the wasm engine only takes
        // an Option and always answers for its own connection.
        return (await this.engine()).version(params?.datasource ? params : undefined);
      case "diff": {
        const result = await (await this.engine()).diff(params);
        // The native engine prints the diff through an engine→CLI `print` request
        // (the CLI writes it to stdout, or to --output) and returns only the exit
        // code; the wasm build returns the text instead. Forward it the native way
        // and wait for the CLI's answer, so the output is written before the
        // response that lets the CLI exit.
        if (result.stdout != null) await this.request("print", { content: result.stdout });
        return { exitCode: result.exitCode };
      }
      case "createDatabase": {
        const datasource = params?.datasource;
        const url = datasource?.tag === "ConnectionString" ? datasource.url : this.args.datasource.url;
        if (!url) throw new Error("createDatabase needs a connection string.");
        const target = parsePgUrl(url);
        await createDatabase(target);
        return { databaseName: target.database };
      }
      case "dbExecute": {
        // The wasm engine always executes on its own connection; refuse rather than
        // silently run a script against a database other than the one requested.
        const requested = params?.datasourceType?.tag === "url" ? params.datasourceType.url : undefined;
        if (requested && this.args.datasource.url && !sameDatabase(parsePgUrl(requested), parsePgUrl(this.args.datasource.url))) {
          throw new Error("db execute can only run against the datasource configured in prisma.config.ts.");
        }
        return (await this.engine()).dbExecute(params);
      }
      case "createMigration":
      case "evaluateDataLoss":
        return this.withWarmMigrationCache(method, params);
      case "applyMigrations":
      case "debugPanic":
      case "devDiagnostic":
      case "diagnoseMigrationHistory":
      case "ensureConnectionValidity":
      case "introspect":
      case "introspectSql":
      case "markMigrationApplied":
      case "markMigrationRolledBack":
      case "reset":
      case "schemaPush":
        return /** @type {any} */ (await this.engine())[method](params);
      default:
        throw Object.assign(new Error(`Method not supported by the offline schema engine: ${method}`), { code: -32601 });
    }
  }

  /**
   * Trap 4 — the wasm build's createMigration / evaluateDataLoss are not given the adapter
   * factory, so they cannot open a shadow database themselves: they rely on the
   * engine's MigrationSchemaCache (keyed by the exact migrations list) having been
   * filled by an earlier devDiagnostic. `migrate dev` calls devDiagnostic before
   * applying pending migrations, so whenever it had any (a fresh database, or
   * `migrate dev --create-only` followed by `migrate dev`), the cached entry is for
   * the wrong list and these calls fail with "PostgreSQL shadow DB must be provided
   * through an external factory". In that case, fill the cache for this list
   * with diagnoseMigrationHistory (which does get the factory) and retry once.
   * @param {'createMigration' | 'evaluateDataLoss'} method
   * @param {any} params
   */
  async withWarmMigrationCache(method, params) {
    const engine = await this.engine();
    try {
      return await engine[method](params);
    } catch (err) {
      if (!/shadow DB must be provided through an external factory/.test(String(/** @type {any} */ (err)?.message))) throw err;
    }
    await engine.diagnoseMigrationHistory({
      migrationsList: params.migrationsList,
      optInToShadowDatabase: true,
      filters: params.filters,
    });
    return engine[method](params);
  }

  async shutdown() {
    await this.queue.catch(() => {});
    await Promise.allSettled([...openAdapters].map((adapter) => adapter.dispose()));
  }
}

async function runRpc(/** @type {Args} */ args) {
  const server = new RpcServer(args);
  process.on("uncaughtException", (err) => {
    if (server.onUncaught(err)) return;
    log("ERROR", String(err?.stack ?? err), { is_panic: false }, "schema_engine::logger");
    process.exit(1);
  });
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => server.onLine(line));
  // The CLI ends stdin when it is done (and sends SIGTERM right after, see below).
  await new Promise((resolve) => lines.once("close", resolve));
  await server.shutdown();
  process.exit(0);
}

// ---------------------------------------------------------------------------
// CLI mode
// ---------------------------------------------------------------------------

/** @param {Args} args */
async function runCli(args) {
  const [command] = args.cli ?? [];
  // The CLI drops the first stderr line before parsing the rest as JSON logs.
  log("INFO", "Starting schema engine CLI");
  try {
    if (!args.datasource.url) throw new Error("The datasource URL is missing.");
    const target = parsePgUrl(args.datasource.url);
    switch (command) {
      case "can-connect-to-database":
        await canConnect(target);
        log("INFO", "Connection successful");
        break;
      case "create-database":
        await createDatabase(target);
        log("INFO", `Database '${target.database}' was successfully created.`);
        break;
      case "drop-database":
        await dropDatabase(target);
        log("INFO", `The database was successfully dropped.`);
        break;
      default:
        throw new Error(`Unknown cli subcommand: ${command ?? "(none)"}`);
    }
    process.exit(0);
  } catch (/** @type {any} */ err) {
    log(
      "ERROR",
      String(err?.message ?? err),
      { is_panic: false, error_code: err instanceof KnownError ? err.code : undefined },
      "schema_engine::logger",
    );
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------

const HELP = `Offline Prisma schema engine (wasm + @prisma/adapter-pg, PostgreSQL only)

Usage:
  schema-engine [--datamodels <file>]... [--datasource <json>]    JSON-RPC on stdin/stdout
  schema-engine --datasource <json> cli <can-connect-to-database|create-database|drop-database>
  schema-engine --version
`;

async function main() {
  // The CLI stops the engine by closing stdin and immediately sending SIGTERM;
  // all answers have been written by then, so leave quietly with status 0.
  process.on("SIGTERM", () => process.exit(0));
  process.on("SIGINT", () => process.exit(130));

  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (/** @type {any} */ err) {
    process.stderr.write(`${err.message}\n\n${HELP}`);
    process.exit(1);
  }
  if (args.help) {
    process.stdout.write(HELP);
    return;
  }
  if (args.version) {
    loadWasm();
    process.stdout.write(`schema-engine-cli ${glue.version()}\n`);
    return;
  }
  if (args.cli) return runCli(args);
  return runRpc(args);
}

await main();
