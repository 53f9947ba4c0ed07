import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { newTestDataDir, QUIET_TIMERS } from "./app.js";
import { waitUntil } from "./wait.js";

/** A free loopback TCP port (the OS picks one, we release it at once). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}

/** The test's own Redis on a spare port: no persistence, killed with SIGKILL by `kill()`. */
export class TestRedis {
  private proc: ChildProcess | null = null;
  constructor(readonly port: number) {}

  async start(): Promise<void> {
    this.proc = spawn("redis-server", ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    await waitUntil(() => accepts(this.port), {
      timeoutMs: 5_000,
      intervalMs: 50,
      message: `redis-server on ${this.port} to accept connections`,
    });
  }

  async kill(): Promise<void> {
    const p = this.proc;
    this.proc = null;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => p.once("exit", () => resolve()));
    p.kill("SIGKILL");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
  }
}

/**
 * A loopback TCP proxy in front of Redis, one per server instance, so a test decides
 * *when* each instance can reach Redis again (which one reconnects first).
 */
export class TcpGate {
  private server: net.Server | null = null;
  private readonly open = new Set<net.Socket>();
  private enabled = true;
  port = 0;
  constructor(private readonly upstreamPort: number) {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      if (!this.enabled) {
        client.destroy();
        return;
      }
      const upstream = net.connect(this.upstreamPort, "127.0.0.1");
      for (const s of [client, upstream]) {
        this.open.add(s);
        s.once("close", () => this.open.delete(s));
        s.on("error", () => undefined);
      }
      client.pipe(upstream);
      upstream.pipe(client);
      client.once("close", () => upstream.destroy());
      upstream.once("close", () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** Cuts every connection and refuses new ones. */
  disable(): void {
    this.enabled = false;
    for (const s of this.open) s.destroy();
  }

  enable(): void {
    this.enabled = true;
  }

  async stop(): Promise<void> {
    this.disable();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/**
 * A server instance in its own process (so it can be `kill -9`ed). Like `startTestApp`, it gets
 * the quiet timers and its own DATA_DIR unless `env` names them (never the repo's .wijknet/).
 */
export class ChildServer {
  proc: ChildProcess | null = null;
  url = "";
  output = "";
  private readonly env: Record<string, string>;
  constructor(env: Record<string, string>) {
    this.env = { ...QUIET_TIMERS, DB_MIGRATE: "never", DATA_DIR: env["DATA_DIR"] ?? newTestDataDir(), ...env };
  }

  async start(timeoutMs = 30_000): Promise<void> {
    const proc = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: new URL("../..", import.meta.url).pathname,
      env: { ...process.env, ...this.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.proc = proc;
    proc.stdout!.on("data", (chunk: Buffer) => {
      this.output += chunk.toString();
      const m = /draait op (http:\/\/[^\s]+)/.exec(this.output);
      if (m && !this.url) this.url = m[1]!;
    });
    proc.stderr!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    await waitUntil(() => this.url !== "" || proc.exitCode !== null, {
      timeoutMs,
      message: () => `the child server to start:\n${this.output.slice(-2000)}`,
    });
    if (!this.url) throw new Error(`child server exited:\n${this.output.slice(-2000)}`);
  }

  alive(): boolean {
    return this.proc !== null && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => p.once("exit", () => resolve()));
    p.kill(signal);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  }
}
