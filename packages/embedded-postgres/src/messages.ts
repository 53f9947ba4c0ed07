/**
 * Wire-protocol messages the session server builds, rewrites or inspects:
 * its own bookkeeping queries, FATAL errors to clients, per-connection
 * statement names, and ReadyForQuery in PGlite's responses (the signal that
 * decides when the session may change hands).
 */

export const PROTOCOL_3_0 = 196_608;
export const GSSENC_REQUEST_CODE = 80_877_104;
const CHAR_Z = 0x5a; // 'Z' ReadyForQuery

/** Transaction status of ReadyForQuery: idle, in a transaction, in a failed transaction. */
export type TransactionStatus = "I" | "T" | "E";

export const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);

export function simpleQuery(sql: string): Buffer {
  const body = Buffer.from(`${sql}\0`, "utf8");
  const head = Buffer.alloc(5);
  head.write("Q", 0, "latin1");
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

export function errorResponse(sqlstate: string, message: string): Buffer {
  const fields = [`SFATAL`, `VFATAL`, `C${sqlstate}`, `M${message}`].map((f) => Buffer.from(`${f}\0`, "utf8"));
  const body = Buffer.concat([...fields, Buffer.from([0])]);
  const head = Buffer.alloc(5);
  head.write("E", 0, "latin1");
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

/** Replaces the NUL-terminated string at `offset` and fixes the message length. */
export function replaceCString(msg: Buffer, offset: number, map: (name: string) => string): Buffer {
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

/**
 * All connections share one session, so the statement name "s1" of one
 * connection would be the "s1" of another. Prefixes non-empty statement names
 * in Parse, Bind, Describe and Close with `prefix`, and records in `statements`
 * the (prefixed) names the connection creates and closes, so they can be
 * deallocated when it leaves. (Portals need no prefix: they end with the
 * transaction, and the session changes hands only between transactions.)
 */
export function scopeStatementNames(msg: Buffer, prefix: string, statements: Set<string>): Buffer {
  const scope = (name: string) => (name === "" ? "" : `${prefix}${name}`);
  switch (msg[0]) {
    case 0x50 /* P Parse: name, query, … */:
      return replaceCString(msg, 5, (name) => {
        const scoped = scope(name);
        if (scoped) statements.add(scoped);
        return scoped;
      });
    case 0x42 /* B Bind: portal, statement, … */:
      {
        const portalEnd = msg.indexOf(0, 5);
        return portalEnd < 0 ? msg : replaceCString(msg, portalEnd + 1, scope);
      }
    case 0x44 /* D Describe */:
    case 0x43 /* C Close */:
      if (msg[5] !== 0x53 /* 'S' statement, not 'P' portal */) return msg;
      return replaceCString(msg, 6, (name) => {
        const scoped = scope(name);
        if (msg[0] === 0x43) statements.delete(scoped);
        return scoped;
      });
    default:
      return msg;
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Tracks backend message boundaries in a response stream and remembers whether
 * the last complete message was ReadyForQuery, and with which status. PGlite
 * hands the response over in pieces that need not align with messages, so a
 * 'Z' byte inside a DataRow must not be mistaken for one.
 */
export class ReadyForQueryTracker {
  readonly #header = Buffer.alloc(5);
  #headerBytes = 0;
  #remaining = 0;
  #type = 0;
  #lastByte = -1;
  /** 'I' idle, 'T' in transaction, 'E' failed transaction; null if the response didn't end with ReadyForQuery. */
  status: TransactionStatus | null = null;

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
