// The subscriber side of bench/fanout.ts, in its own process so its CPU does not count
// as the server's. Controlled over IPC: connect N sockets (plain ws or graphql-ws),
// record receive latency (sender's timestamp is in the message), report, close.
import { performance } from "node:perf_hooks";
import WebSocket from "ws";

type Cmd =
  | { cmd: "connect"; mode: "plain" | "graphql"; url: string; n: number; token?: string; query?: string }
  | { cmd: "reset" }
  | { cmd: "report" }
  | { cmd: "close" };

const now = () => performance.timeOrigin + performance.now();
let sockets: WebSocket[] = [];
let latencies: number[] = [];
let received = 0;
let errors = 0;
// The receiving side must stay cheap, or its own queueing dominates the latency
// figures: find the sender's timestamp without decoding or parsing the message.
const STAMP = Buffer.from('"summary":"bench ');

function onMessage(data: WebSocket.RawData) {
  const buf = data as Buffer;
  const at = buf.indexOf(STAMP);
  if (at < 0) return;
  const start = at + STAMP.length;
  const end = buf.indexOf(34 /* " */, start);
  received++;
  latencies.push(now() - Number(buf.toString("latin1", start, end)));
}

function open(mode: "plain" | "graphql", url: string, token?: string, query?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, mode === "graphql" ? "graphql-transport-ws" : undefined, { skipUTF8Validation: true });
    ws.once("error", reject);
    ws.once("open", () => {
      if (mode === "plain") {
        ws.on("message", onMessage);
        return resolve(ws);
      }
      ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }));
      ws.once("message", (data) => {
        const msg = JSON.parse(data.toString()) as { type: string };
        if (msg.type !== "connection_ack") return reject(new Error(`no ack: ${data.toString()}`));
        ws.on("message", onMessage);
        ws.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query, variables: {} } }));
        resolve(ws);
      });
    });
    ws.on("close", () => undefined);
  });
}

process.on("message", async (msg: Cmd) => {
  try {
    if (msg.cmd === "connect") {
      const BATCH = 100;
      for (let i = 0; i < msg.n; i += BATCH) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(BATCH, msg.n - i) }, () =>
            open(msg.mode, msg.url, msg.token, msg.query).catch(() => {
              errors++;
              return null;
            }),
          ),
        );
        for (const ws of batch) if (ws) sockets.push(ws);
      }
      process.send!({ connected: sockets.length, errors });
    } else if (msg.cmd === "reset") {
      latencies = [];
      received = 0;
      process.send!({ ok: true });
    } else if (msg.cmd === "report") {
      const sorted = Float64Array.from(latencies).sort();
      const q = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : NaN);
      process.send!({ received, p50: q(0.5), p99: q(0.99), max: q(1) });
    } else if (msg.cmd === "close") {
      for (const ws of sockets) ws.terminate();
      sockets = [];
      process.send!({ ok: true });
    }
  } catch (err) {
    process.send!({ error: (err as Error).message });
  }
});
process.send!({ ready: true });
