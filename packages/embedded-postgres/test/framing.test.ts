import { describe, expect, it } from "vitest";
import { FrameBuffer, MAX_MESSAGE, readMessage, readStartupPacket } from "../src/framing.js";
import { message } from "./support/wire.js";

/**
 * The session server may only hand PGlite whole messages, whatever the TCP
 * chunking. These tests cut the same byte stream at every possible place.
 */

function startupPacket(code: number, body = ""): Buffer {
  const b = Buffer.from(body, "latin1");
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + b.length, 0);
  head.writeInt32BE(code, 4);
  return Buffer.concat([head, b]);
}

/** What a connection sends: a startup packet, then typed messages. */
const startup = startupPacket(196_608, "user\0postgres\0database\0postgres\0\0");
const messages = [
  message("P", "\0SELECT $1::text\0\0\0"),
  message(
    "B",
    Buffer.concat([Buffer.from("\0\0\0\0\0\x01", "latin1"), Buffer.from([0, 0, 0x01, 0x2c]), Buffer.alloc(300, 0x5a), Buffer.from([0, 0])]),
  ),
  message("E", "\0\0\0\0\0"),
  message("S", ""), // body-less: header only
  message("Q", "SELECT 1\0"),
];
const stream = Buffer.concat([startup, ...messages]);

/** Reads frames like the server does: one startup packet, then messages. */
function readAll(input: FrameBuffer, state: { startupDone: boolean; frames: Buffer[] }): void {
  for (;;) {
    const r = state.startupDone ? readMessage(input) : readStartupPacket(input);
    if (r.status === "incomplete") return;
    if (r.status === "invalid") throw new Error(r.reason);
    state.frames.push(Buffer.from("packet" in r ? r.packet : r.message));
    state.startupDone = true;
  }
}

function feedInChunks(chunks: Buffer[]): Buffer[] {
  const input = new FrameBuffer();
  const state = { startupDone: false, frames: [] as Buffer[] };
  for (const chunk of chunks) {
    input.push(chunk);
    readAll(input, state);
  }
  expect(input.length).toBe(0);
  return state.frames;
}

describe("FrameBuffer + readStartupPacket/readMessage", () => {
  it("returns the same frames however the stream is cut in two", () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      const frames = feedInChunks([stream.subarray(0, cut), stream.subarray(cut)]);
      expect(frames, `cut at ${cut}`).toEqual([startup, ...messages]);
    }
  });

  it("returns the same frames when every byte arrives on its own", () => {
    expect(feedInChunks([...stream].map((b) => Buffer.from([b])))).toEqual([startup, ...messages]);
  });

  it("returns the same frames for chunks of every size up to the stream length", () => {
    for (let size = 2; size <= stream.length; size += 7) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < stream.length; i += size) chunks.push(stream.subarray(i, i + size));
      expect(feedInChunks(chunks), `chunks of ${size}`).toEqual([startup, ...messages]);
    }
  });

  it("reports a message as incomplete until its last byte, without consuming anything", () => {
    const big = message("B", Buffer.alloc(100_000, 7));
    const input = new FrameBuffer();
    for (let i = 0; i < big.length - 1; i += 16_384) {
      input.push(big.subarray(i, Math.min(i + 16_384, big.length - 1)));
      expect(readMessage(input)).toEqual({ status: "incomplete" });
      expect(input.length).toBe(Math.min(i + 16_384, big.length - 1));
    }
    input.push(big.subarray(big.length - 1));
    const r = readMessage(input);
    expect(r.status).toBe("ok");
    expect(r.status === "ok" && r.type).toBe(0x42);
    expect(r.status === "ok" && r.message.equals(big)).toBe(true);
    expect(input.length).toBe(0);
  });

  it("keeps the bytes after a message for the next read", () => {
    const input = new FrameBuffer();
    const q = message("Q", "SELECT 1\0");
    input.push(Buffer.concat([q, q.subarray(0, 3)]));
    const first = readMessage(input);
    expect(first.status === "ok" && first.message.equals(q)).toBe(true);
    expect(readMessage(input)).toEqual({ status: "incomplete" });
    expect(input.length).toBe(3);
    input.push(q.subarray(3));
    const second = readMessage(input);
    expect(second.status === "ok" && second.message.equals(q)).toBe(true);
  });

  it("does not let a returned frame change when more data arrives", () => {
    const input = new FrameBuffer();
    const q = message("Q", "SELECT 'a'\0");
    input.push(q.subarray(0, 4));
    input.push(Buffer.concat([q.subarray(4), Buffer.from("Q\0\0")]));
    const r = readMessage(input);
    const copy = r.status === "ok" ? Buffer.from(r.message) : Buffer.alloc(0);
    input.push(Buffer.alloc(1_000, 0xff));
    expect(r.status === "ok" && r.message.equals(copy) && copy.equals(q)).toBe(true);
  });

  it("refuses message lengths that cannot be valid, without consuming", () => {
    for (const len of [0, 3, -1, MAX_MESSAGE + 1]) {
      const input = new FrameBuffer();
      const head = Buffer.alloc(5);
      head.write("Q", 0, "latin1");
      head.writeInt32BE(len, 1);
      input.push(head);
      expect(readMessage(input), `length ${len}`).toEqual({ status: "invalid", reason: "invalid message length" });
      expect(input.length).toBe(5);
    }
    // the smallest valid message: length 4, no body (Sync)
    const input = new FrameBuffer();
    input.push(message("S", ""));
    expect(readMessage(input)).toMatchObject({ status: "ok", type: 0x53 });
  });

  it("refuses startup packet lengths outside 8..10000 as soon as the header is there", () => {
    for (const len of [0, 7, 10_001, -8]) {
      const input = new FrameBuffer();
      const head = Buffer.alloc(8);
      head.writeInt32BE(len, 0);
      head.writeInt32BE(196_608, 4);
      input.push(head);
      expect(readStartupPacket(input), `length ${len}`).toEqual({ status: "invalid", reason: "invalid startup packet length" });
    }
    const input = new FrameBuffer();
    const head = Buffer.alloc(8);
    head.writeInt32BE(10_000, 0);
    head.writeInt32BE(196_608, 4);
    input.push(head);
    expect(readStartupPacket(input)).toEqual({ status: "incomplete" });
  });

  it("reads an 8-byte SSLRequest as a packet of its own, leaving what follows", () => {
    const ssl = startupPacket(80_877_103);
    const input = new FrameBuffer();
    input.push(Buffer.concat([ssl, startup.subarray(0, 10)]));
    const r = readStartupPacket(input);
    expect(r).toMatchObject({ status: "ok", code: 80_877_103 });
    expect(r.status === "ok" && r.packet.length).toBe(8);
    expect(readStartupPacket(input)).toEqual({ status: "incomplete" });
    input.push(startup.subarray(10));
    const next = readStartupPacket(input);
    expect(next.status === "ok" && next.packet.equals(startup)).toBe(true);
  });
});
