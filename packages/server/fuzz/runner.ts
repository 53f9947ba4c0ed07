/**
 * Drives hostile traffic (mutate.ts) at a running server and counts what must never
 * happen: a 5xx, an INTERNAL_SERVER_ERROR, a socket closed as an internal error (4500,
 * 1011), a request that hangs. Used by the seeded subset in the test suite and by the
 * full run (`pnpm fuzz`).
 */
import WebSocket from "ws";
import { hostileHttpBody, hostileWsFrame, prng } from "./mutate.js";

export interface FuzzFailures {
  count: number;
  samples: string[];
}

function failure(f: FuzzFailures, message: string) {
  f.count++;
  if (f.samples.length < 10) f.samples.push(message.slice(0, 300));
}

export async function fuzzHttp(
  url: string,
  token: string,
  opts: { count: number; seed: number; concurrency?: number; onProgress?: (done: number) => void },
) {
  const rng = prng(opts.seed);
  const failures: FuzzFailures = { count: 0, samples: [] };
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < opts.count) {
      const i = next++;
      const { body, contentType } = hostileHttpBody(rng);
      try {
        const res = await fetch(`${url}/graphql`, {
          method: "POST",
          headers: {
            ...(contentType ? { "content-type": contentType } : {}),
            authorization: `Bearer ${token}`,
            "apollo-require-preflight": "1",
          },
          body,
          signal: AbortSignal.timeout(30_000),
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const text = await res.text();
        if (res.status >= 500) failure(failures, `#${i} HTTP ${res.status}: ${text}`);
        else if (text.includes("INTERNAL_SERVER_ERROR")) failure(failures, `#${i} internal error: ${text}`);
      } catch (err) {
        failure(failures, `#${i} request failed: ${(err as Error).message}`);
      }
      if (i % 500 === 0) opts.onProgress?.(i);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));
  return { failures, statuses: Object.fromEntries(statuses) };
}

/** Opens sockets that authenticate properly and then send hostile frames. */
export async function fuzzWs(
  url: string,
  token: string,
  opts: { count: number; seed: number; framesPerSocket?: number; onProgress?: (done: number) => void },
) {
  const rng = prng(opts.seed);
  const failures: FuzzFailures = { count: 0, samples: [] };
  const closeCodes = new Map<number, number>();
  const perSocket = opts.framesPerSocket ?? 20;
  let sent = 0;
  while (sent < opts.count) {
    const socket = new WebSocket(`${url.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws");
    const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
    socket.on("error", () => undefined);
    socket.on("message", (data) => {
      const text = data.toString();
      if (text.includes("INTERNAL_SERVER_ERROR")) failure(failures, `internal error over WebSocket: ${text}`);
    });
    const opened = await Promise.race([
      new Promise<boolean>((resolve) => socket.once("open", () => resolve(true))),
      closed.then(() => false),
    ]);
    if (!opened) {
      failure(failures, "socket did not open");
      sent += perSocket;
      continue;
    }
    const acked = new Promise<boolean>((resolve) => {
      socket.on("message", (data) => {
        if (data.toString().includes('"connection_ack"')) resolve(true);
      });
      closed.then(() => resolve(false));
    });
    socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }));
    if (!(await Promise.race([acked, new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]))) {
      failure(failures, "connection was not acknowledged");
      socket.terminate();
      sent += perSocket;
      continue;
    }
    for (let i = 0; i < perSocket && sent < opts.count && socket.readyState === WebSocket.OPEN; i++, sent++) {
      socket.send(hostileWsFrame(rng, sent));
      if (sent % 250 === 0) opts.onProgress?.(sent);
    }
    // Let the server answer, then leave.
    await new Promise((r) => setTimeout(r, 30));
    if (socket.readyState === WebSocket.OPEN) socket.close(1000);
    const code = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 10_000))]);
    closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
    if (code === 4500 || code === 1011) failure(failures, `socket closed as an internal error (${code})`);
    if (code === -1) failure(failures, "socket did not close within 10 s");
  }
  return { failures, closeCodes: Object.fromEntries(closeCodes) };
}
