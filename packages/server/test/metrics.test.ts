/**
 * /metrics on METRICS_PORT: the figures an operator alerts on, in Prometheus' text format,
 * recorded from real traffic over HTTP and WebSocket, jobs and rate limits — and no ids,
 * emails or tokens in any label.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { gql, startTestApp } from "./support/app.js";
import { collect, SIGNAL_FEED, waitUntil } from "./support/live.js";
import { createWorld, LOGIN, type World } from "./support/world.js";
import { graphql } from "./generated/index.js";

const VIEWER = graphql(`query MetricsViewer { viewer { id } }`);

let app: App;
let w: World;
beforeAll(async () => {
  app = await startTestApp({ METRICS_PORT: "0", RATE_LIMIT_LOGIN_PER_ACCOUNT: "3" });
  w = await createWorld(app);
});
afterAll(async () => {
  await app?.stop();
});

async function scrape(): Promise<string> {
  const res = await fetch(app.metricsUrl!);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  return res.text();
}

/** The value of one sample, e.g. `wijknet_ws_connections` or `name{a="b"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("metrics", () => {
  it("serve request, operation, socket, outbox, pool, job and rate-limit figures without personal data", async () => {
    for (let i = 0; i < 2; i++) expect((await gql(app, VIEWER, {}, w.tokens.coordinator)).data?.viewer).toBeTruthy();
    // Over the account's login limit: refused, and counted.
    for (let i = 0; i < 4; i++) await gql(app, LOGIN, { email: w.users.coordinator.email, password: "not the password at all" });
    await app.jobs.runLane("sweep");
    const feed = collect(app.url, w.tokens.coordinator as string, SIGNAL_FEED, "signalFeed");
    try {
      await feed.connected();
      await waitUntil(() => app.fanout.subscriberCount() >= 1);
      const text = await scrape();
      expect(sample(text, "wijknet_ws_connections")).toBeGreaterThanOrEqual(1);
      expect(sample(text, "wijknet_subscriptions")).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'wijknet_graphql_operations_total{operation="MetricsViewer",type="query",transport="http",outcome="ok"}')).toBe(
        2,
      );
      expect(sample(text, 'wijknet_graphql_operations_total{operation="SignalFeed",type="subscription",transport="ws",outcome="ok"}')).toBe(
        1,
      );
      expect(sample(text, 'wijknet_http_request_duration_seconds_count{route="/graphql"}')).toBeGreaterThanOrEqual(6);
      expect(sample(text, 'wijknet_rate_limit_refusals_total{limit="login:account"}')).toBeGreaterThanOrEqual(1);
      expect(sample(text, "wijknet_outbox_lag_events")).toBeGreaterThanOrEqual(0);
      expect(sample(text, "wijknet_doorbell_connected")).toBe(1);
      expect(sample(text, 'wijknet_live_catchups{state="waiting"}')).toBe(0);
      expect(sample(text, 'wijknet_db_pool_connections{state="max"}')).toBe(5);
      expect(text).toMatch(/wijknet_job_duration_seconds_count\{job="notification-delivery",lane="sweep",outcome="ok"\} [1-9]/);
      expect(text).toMatch(/^wijknet_process_resident_memory_bytes /m);
      // No personal data or secrets in any label or value.
      for (const secret of [w.users.coordinator.email, w.tokens.coordinator as string, w.municipality.id, w.users.coordinator.id]) {
        expect(text).not.toContain(secret);
      }
    } finally {
      await feed.dispose();
    }
  });

  it("has no endpoint unless METRICS_PORT is set, and nothing but /metrics on it", async () => {
    const other = await startTestApp();
    try {
      expect(other.metricsUrl).toBeNull();
      // On the app's port /metrics is nothing special (404, or the web app's page when it is built).
      expect(await fetch(`${other.url}/metrics`).then((r) => r.text())).not.toContain("wijknet_http_requests_total");
    } finally {
      await other.stop();
    }
    expect((await fetch(app.metricsUrl!.replace(/\/metrics$/, "/graphql"))).status).toBe(404);
  });
});
