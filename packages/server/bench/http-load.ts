import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";

/**
 * A closed-loop HTTP load generator: C clients, each sending its next request as soon as the
 * previous one answered, over keep-alive connections (one per client). Closed-loop means the
 * offered load adapts to the server, so requests/s and latency are two views of the same run;
 * compare runs only at the same concurrency.
 *
 * Every response is checked: a non-200 status, a body that is not JSON, a GraphQL `errors`
 * entry, a missing `data` or a transport failure counts as an error, and a sample of the first
 * few is kept so the report can say what went wrong.
 */

export interface HttpLoadOptions {
  /** Full URL of the GraphQL endpoint. */
  url: string;
  /** The serialized request body, sent unchanged by every request. */
  body: string;
  headers: Record<string, string>;
  concurrency: number;
  /** Unmeasured time first: connections open, JIT warms up, caches fill. */
  warmupMs: number;
  durationMs: number;
  /** A request that takes longer is aborted and counted as an error. */
  requestTimeoutMs?: number;
}

export interface HttpLoadProgress {
  phase: "warmup" | "measure";
  elapsedMs: number;
  requests: number;
  errors: number;
}

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface HttpLoadResult {
  concurrency: number;
  /** From the start of the measured window to the last measured response. */
  durationMs: number;
  /** Requests started in the measured window. */
  requests: number;
  /** Failed requests over the whole run, warm-up included: a failing scenario never looks green. */
  errors: number;
  errorSamples: string[];
  rps: number;
  /** Milliseconds, over every request started in the measured window (errors included). */
  latencyMs: LatencySummary;
  /** The raw measured latencies (ms), so rounds can be pooled before taking percentiles. */
  samplesMs: Float64Array;
}

const MAX_ERROR_SAMPLES = 5;

interface Outcome {
  ok: boolean;
  error?: string;
}

function send(agent: Agent, url: URL, body: Buffer, headers: Record<string, string>, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(
      url,
      { method: "POST", agent, headers: { ...headers, "content-length": String(body.length) }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", (err) => resolve({ ok: false, error: `response: ${err.message}` }));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (res.statusCode !== 200) return resolve({ ok: false, error: `HTTP ${res.statusCode}: ${text.slice(0, 200)}` });
          let parsed: { data?: unknown; errors?: Array<{ message?: string; extensions?: { code?: unknown } }> };
          try {
            parsed = JSON.parse(text) as typeof parsed;
          } catch {
            return resolve({ ok: false, error: `body is not JSON: ${text.slice(0, 200)}` });
          }
          if (parsed.errors?.length) {
            const e = parsed.errors[0]!;
            return resolve({ ok: false, error: `GraphQL error ${String(e.extensions?.code ?? "")}: ${e.message ?? ""}`.slice(0, 300) });
          }
          if (parsed.data == null) return resolve({ ok: false, error: "response without data" });
          resolve({ ok: true });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", (err) => resolve({ ok: false, error: `request: ${err.message}` }));
    req.end(body);
  });
}

/** One request with the load's exact body and headers: a broken scenario fails before the clock runs. */
export async function probeOnce(
  opts: Pick<HttpLoadOptions, "url" | "body" | "headers" | "requestTimeoutMs">,
): Promise<{ ok: boolean; error?: string }> {
  const agent = new Agent({ keepAlive: false });
  try {
    return await send(agent, new URL(opts.url), Buffer.from(opts.body), opts.headers, opts.requestTimeoutMs ?? 10_000);
  } finally {
    agent.destroy();
  }
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  // Nearest-rank: the smallest value with at least p% of the samples at or below it.
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(latencies: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(latencies).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    mean: sorted.length ? sum / sorted.length : NaN,
  };
}

export async function runHttpLoad(
  opts: HttpLoadOptions,
  onProgress: (p: HttpLoadProgress) => void = () => undefined,
): Promise<HttpLoadResult> {
  const url = new URL(opts.url);
  const body = Buffer.from(opts.body);
  const timeoutMs = opts.requestTimeoutMs ?? 10_000;
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency, maxFreeSockets: opts.concurrency });

  const start = performance.now();
  const measureStart = start + opts.warmupMs;
  const measureEnd = measureStart + opts.durationMs;
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let warmupRequests = 0;
  let lastDone = measureStart;

  const tick = setInterval(() => {
    const now = performance.now();
    const measuring = now >= measureStart;
    onProgress({
      phase: measuring ? "measure" : "warmup",
      elapsedMs: measuring ? now - measureStart : now - start,
      requests: measuring ? latencies.length : warmupRequests,
      errors,
    });
  }, 1000);

  const client = async () => {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= measureEnd) return;
      const outcome = await send(agent, url, body, opts.headers, timeoutMs);
      const t1 = performance.now();
      // Errors during warm-up count too: a scenario that fails must never look green.
      if (!outcome.ok) {
        errors++;
        const error = outcome.error ?? "unknown error";
        if (errorSamples.length < MAX_ERROR_SAMPLES && !errorSamples.includes(error)) errorSamples.push(error);
      }
      if (t0 >= measureStart) {
        latencies.push(t1 - t0);
        lastDone = Math.max(lastDone, t1);
      } else {
        warmupRequests++;
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: opts.concurrency }, client));
  } finally {
    clearInterval(tick);
    agent.destroy();
  }

  const durationMs = Math.max(lastDone - measureStart, 1);
  return {
    concurrency: opts.concurrency,
    durationMs,
    requests: latencies.length,
    errors,
    errorSamples,
    rps: (latencies.length / durationMs) * 1000,
    latencyMs: summarize(latencies),
    samplesMs: Float64Array.from(latencies),
  };
}

/**
 * Runs the load in a worker thread. The server under test runs in the main thread of the same
 * process; the clients' own work (sending, parsing, bookkeeping) then has its own event loop
 * instead of queueing behind the server's callbacks and showing up as server latency.
 */
export function runHttpLoadInWorker(
  opts: HttpLoadOptions,
  onProgress: (p: HttpLoadProgress) => void = () => undefined,
): { result: Promise<HttpLoadResult>; terminate(): Promise<void> } {
  // tsx does not hook worker threads: register its loader inside the worker, then load the .ts entry.
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./http-load.worker.ts", import.meta.url).href;
  const worker = new Worker(`import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, {
    eval: true,
    workerData: opts,
  });
  const result = new Promise<HttpLoadResult>((resolve, reject) => {
    let settled = false;
    worker.on("message", (msg: WorkerMessage) => {
      if (msg.kind === "progress") onProgress(msg.progress);
      else if (msg.kind === "result") {
        settled = true;
        resolve(msg.result);
        void worker.terminate();
      } else {
        settled = true;
        reject(new Error(`load worker failed: ${msg.message}`));
        void worker.terminate();
      }
    });
    worker.on("error", (err) => {
      settled = true;
      reject(err);
    });
    worker.on("exit", (code) => {
      if (!settled) reject(new Error(`load worker exited (code ${code}) without a result`));
    });
  });
  return { result, terminate: async () => void (await worker.terminate()) };
}

type WorkerMessage =
  | { kind: "progress"; progress: HttpLoadProgress }
  | { kind: "result"; result: HttpLoadResult }
  | { kind: "failed"; message: string };
