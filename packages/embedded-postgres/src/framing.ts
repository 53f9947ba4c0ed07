/**
 * Frontend side of the wire protocol: cutting a client's byte stream into
 * whole messages. TCP delivers arbitrary chunks (a 4 MB Bind arrives in dozens,
 * a chunk may end inside a 5-byte header, one chunk may hold many messages),
 * and the session scheduler must only ever see complete messages: handing PGlite
 * half a message, or one connection's message split around another's, is the
 * interleaving this package exists to prevent.
 */

export const MAX_STARTUP_PACKET = 10_000; // as in Postgres
export const MAX_MESSAGE = 1 << 30; // Postgres' limit is ~1 GB too

/** Bytes received on one connection that are not yet a complete message. */
export class FrameBuffer {
  readonly #chunks: Buffer[] = [];
  #buffered = 0;

  get length(): number {
    return this.#buffered;
  }

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

  /** Like peek(), but without joining chunks when the first one is long enough. */
  headerBytes(n: number): Buffer | undefined {
    const first = this.#chunks[0];
    if (first && first.length >= n) return first.subarray(0, n);
    return this.peek(n);
  }

  // Large messages arrive in many chunks; they are only joined once the whole
  // message is there (peek of a 5-byte header only joins when the first chunk
  // is shorter than that). Joining on every chunk would make a big message
  // cost O(size²).
  #flatten(): Buffer {
    if (this.#chunks.length > 1) {
      const joined = Buffer.concat(this.#chunks, this.#buffered);
      this.#chunks.length = 0;
      this.#chunks.push(joined);
    }
    return this.#chunks[0] ?? Buffer.alloc(0);
  }
}

/**
 * Result of reading one frame. "incomplete": not all of it has arrived, nothing
 * was consumed. "invalid": the length field is out of range, nothing was
 * consumed; the stream cannot be resynchronised, so the connection must go.
 */
export type FrameRead<T> = { status: "incomplete" } | { status: "invalid"; reason: string } | ({ status: "ok" } & T);

/**
 * Reads a startup-phase packet: Int32 length (including itself), Int32 code
 * (protocol version, or SSLRequest / GSSENCRequest / CancelRequest), rest.
 * Startup packets have no type byte.
 */
export function readStartupPacket(input: FrameBuffer): FrameRead<{ code: number; packet: Buffer }> {
  const head = input.headerBytes(8);
  if (!head) return { status: "incomplete" };
  const len = head.readInt32BE(0);
  const code = head.readInt32BE(4);
  if (len < 8 || len > MAX_STARTUP_PACKET) return { status: "invalid", reason: "invalid startup packet length" };
  const packet = input.take(len);
  if (!packet) return { status: "incomplete" };
  return { status: "ok", code, packet };
}

/**
 * Reads a regular frontend message: Byte1 type, Int32 length (including
 * itself, not the type byte), body. `message` is the whole frame, type byte
 * included, as PGlite expects it.
 */
export function readMessage(input: FrameBuffer): FrameRead<{ type: number; message: Buffer }> {
  const head = input.headerBytes(5);
  if (!head) return { status: "incomplete" };
  const type = head[0]!;
  const len = head.readInt32BE(1);
  if (len < 4 || len > MAX_MESSAGE) return { status: "invalid", reason: "invalid message length" };
  const message = input.take(1 + len);
  if (!message) return { status: "incomplete" };
  return { status: "ok", type, message };
}
