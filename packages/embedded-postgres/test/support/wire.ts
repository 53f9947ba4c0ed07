/** A PostgreSQL protocol message as a client or server would write it: type byte, length, body. */
export function message(type: string, body: Buffer | string): Buffer {
  const b = typeof body === "string" ? Buffer.from(body, "latin1") : body;
  const head = Buffer.alloc(5);
  head.write(type, 0, "latin1");
  head.writeInt32BE(b.length + 4, 1);
  return Buffer.concat([head, b]);
}
