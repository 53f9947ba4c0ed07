import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { startTestApp } from "./support/app.js";
import { graphql } from "./generated/index.js";

const VIEWER = graphql(`query HealthViewer { viewer { id } }`);

/** A port with nothing listening on it. */
async function deadPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

describe("health endpoints", () => {
  it("/healthz answers while /readyz reports database and Redis", async () => {
    const app = await startTestApp();
    try {
      expect(await fetch(`${app.url}/healthz`).then((r) => r.status)).toBe(200);
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: "ready", checks: { database: true, redis: true } });
      // An unknown file is 404 whether or not the web app is built (paths without an extension are the SPA's).
      expect((await fetch(`${app.url}/nope.js`)).status).toBe(404);
    } finally {
      await app.stop();
    }
  });

  it("/readyz is 503 when Redis does not answer, and the API still works", async () => {
    const app = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${await deadPort()}` });
    try {
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "not ready", checks: { database: true, redis: false } });
      const res = await fetch(`${app.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: VIEWER.toString() }),
      });
      expect(await res.json()).toEqual({ data: { viewer: null } });
    } finally {
      await app.stop();
    }
  });

  it("refuses an oversized body with 413 and invalid JSON with 400", async () => {
    const app = await startTestApp();
    try {
      const big = await fetch(`${app.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ viewer { id } } #${"x".repeat(300 * 1024)}` }),
      });
      expect(big.status).toBe(413);
      const bad = await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
      expect(bad.status).toBe(400);
      // Batched requests are off.
      const batch = await fetch(`${app.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify([{ query: VIEWER.toString() }, { query: VIEWER.toString() }]),
      });
      expect(batch.status).toBe(400);
    } finally {
      await app.stop();
    }
  });
});
