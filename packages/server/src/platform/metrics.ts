import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Seconds, for request and operation latencies: 5 ms … 10 s. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Operation names become label values: bounded in number and shape, the rest is "other". */
const MAX_OPERATION_NAMES = 300;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Live values the metrics read when scraped (sockets, outbox, pool), given once the app has them. */
export interface MetricsSources {
  wsConnections(): number;
  subscriptions(): number;
  /** Subscribers catching up (replay, snapshot) now and waiting for a slot. */
  catchUps(): { active: number; waiting: number };
  /** Newest committed outbox seq minus the seq this instance has delivered. */
  outboxLag(): Promise<number>;
  doorbellConnected(): boolean;
  pool(): { total: number; idle: number; waiting: number; max: number };
}

/**
 * This instance's Prometheus metrics, in their own registry (several app instances can share a
 * test process). The platform records into it; `/metrics` on METRICS_PORT serves it. Labels never
 * hold personal data or ids: routes, operation names, job names, limit names, outcomes.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private sources: MetricsSources | null = null;

  private readonly httpRequests = new Counter({
    name: "wijknet_http_requests_total",
    help: "HTTP requests by route and status class",
    labelNames: ["route", "status"] as const,
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: "wijknet_http_request_duration_seconds",
    help: "HTTP request latency by route",
    labelNames: ["route"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly operations = new Counter({
    name: "wijknet_graphql_operations_total",
    help: "GraphQL operations by name, type, transport and outcome (ok, error)",
    labelNames: ["operation", "type", "transport", "outcome"] as const,
    registers: [this.registry],
  });
  private readonly operationDuration = new Histogram({
    name: "wijknet_graphql_operation_duration_seconds",
    help: "GraphQL query and mutation latency over HTTP by operation name",
    labelNames: ["operation", "type"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly jobDuration = new Histogram({
    name: "wijknet_job_duration_seconds",
    help: "Duration of each scheduled job run (sweeps, escalation, retention, receipts)",
    labelNames: ["job", "lane", "outcome"] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [this.registry],
  });
  private readonly rateLimited = new Counter({
    name: "wijknet_rate_limit_refusals_total",
    help: "Requests refused by a rate limit, by limit",
    labelNames: ["limit"] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "wijknet_" });
    const self = this;
    new Gauge({
      name: "wijknet_ws_connections",
      help: "Open WebSocket connections on this instance",
      registers: [this.registry],
      collect() {
        this.set(self.sources?.wsConnections() ?? 0);
      },
    });
    new Gauge({
      name: "wijknet_subscriptions",
      help: "Live subscriptions attached to this instance's fan-out",
      registers: [this.registry],
      collect() {
        this.set(self.sources?.subscriptions() ?? 0);
      },
    });
    new Gauge({
      name: "wijknet_live_catchups",
      help: "Subscribers replaying or reading their snapshot (active) and queued for a slot (waiting)",
      labelNames: ["state"] as const,
      registers: [this.registry],
      collect() {
        const c = self.sources?.catchUps();
        if (!c) return;
        this.set({ state: "active" }, c.active);
        this.set({ state: "waiting" }, c.waiting);
      },
    });
    new Gauge({
      name: "wijknet_outbox_lag_events",
      help: "Newest committed outbox seq minus the seq this instance has delivered",
      registers: [this.registry],
      async collect() {
        if (self.sources) this.set(await self.sources.outboxLag().catch(() => Number.NaN));
      },
    });
    new Gauge({
      name: "wijknet_doorbell_connected",
      help: "1 while this instance is connected to the Redis doorbell (in-process: always 1)",
      registers: [this.registry],
      collect() {
        this.set(self.sources?.doorbellConnected() ? 1 : 0);
      },
    });
    new Gauge({
      name: "wijknet_db_pool_connections",
      help: "PostgreSQL pool connections by state (total, idle, max) and callers waiting for one",
      labelNames: ["state"] as const,
      registers: [this.registry],
      collect() {
        const p = self.sources?.pool();
        if (!p) return;
        this.set({ state: "total" }, p.total);
        this.set({ state: "idle" }, p.idle);
        this.set({ state: "waiting" }, p.waiting);
        this.set({ state: "max" }, p.max);
      },
    });
  }

  /** Called once the app has its sockets, fan-out and pool. */
  attach(sources: MetricsSources): void {
    this.sources = sources;
  }

  httpRequest(route: string, status: number, seconds: number): void {
    this.httpRequests.inc({ route, status: `${Math.floor(status / 100)}xx` });
    this.httpDuration.observe({ route }, seconds);
  }

  operation(name: string | null | undefined, type: string, transport: "http" | "ws", outcome: "ok" | "error", seconds?: number): void {
    const operation = this.operationLabel(name);
    this.operations.inc({ operation, type, transport, outcome });
    if (seconds !== undefined) this.operationDuration.observe({ operation, type }, seconds);
  }

  job(job: string, lane: string, outcome: "ok" | "error", seconds: number): void {
    this.jobDuration.observe({ job, lane, outcome }, seconds);
  }

  rateLimitRefused(limit: string): void {
    this.rateLimited.inc({ limit });
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return "anonymous";
    if (!OPERATION_NAME.test(name)) return "other";
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return "other";
    this.operationNames.add(name);
    return name;
  }
}
