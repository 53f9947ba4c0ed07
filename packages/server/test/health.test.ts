import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startTestApp } from "./support/app.js";
import { graphql } from "./generated/index.js";

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
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
  it("with DATABASE_URL an empty database is migrated and seeded at boot; /readyz is 503 once the database is gone", async () => {
    const name = `wijknet_boot_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    // As `SEED_DEMO=always pnpm start` outside the tests: DB_MIGRATE=auto migrates unless NODE_ENV=test.
    const app = await startTestApp({ DATABASE_URL: url.toString(), NODE_ENV: "development", DB_MIGRATE: "auto", SEED_DEMO: "always" });
    try {
      expect(await app.db.prisma.municipality.count()).toBeGreaterThan(0);
      // No PUBLIC_URL: links in email point at the address this instance listens on.
      expect(app.publicUrl).toBe(app.url);
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "not ready", checks: { database: false, redis: true } });
    } finally {
      await app.stop();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });

  it("PUBLIC_URL, when set, is the base of links whatever the port", async () => {
    const app = await startTestApp({ PUBLIC_URL: "https://wijknet.utrecht.example/" });
    try {
      expect(app.publicUrl).toBe("https://wijknet.utrecht.example");
      expect(app.url).not.toBe(app.publicUrl);
    } finally {
      await app.stop();
    }
  });

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

  it("/readyz says degraded (200) when Redis does not answer, and the API still works", async () => {
    const app = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${await deadPort()}` });
    try {
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: "degraded", checks: { database: true, redis: false } });
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
