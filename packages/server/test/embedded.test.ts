import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/platform/config.js";
import { createLogger } from "../src/platform/logger.js";
import { DEMO_PASSWORD } from "../src/seed/demo.js";
import { gql } from "./support/app.js";
import { graphql } from "./generated/index.js";

const dataDir = mkdtempSync(join(tmpdir(), "wijknet-embedded-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Exactly what `pnpm start` does on a fresh machine: no DATABASE_URL, no REDIS_URL. */
async function startEmbedded() {
  const config = loadConfig({ NODE_ENV: "test", PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent" });
  return startApp(config, createLogger(config));
}

describe("embedded mode (the default)", () => {
  it("starts PGlite, migrates, seeds the demo once, and keeps the data across restarts", { timeout: 180_000 }, async () => {
    let app = await startEmbedded();
    try {
      expect(app.databaseMode).toBe("embedded");
      expect(app.doorbell.kind).toBe("in-process");
      const districts = await gql(app, graphql(`query EmbeddedDistricts { districts { name } }`));
      expect(districts.data!.districts).toHaveLength(10);
      expect(districts.data!.districts.map((d: { name: string }) => d.name)).toContain("Vleuten-De Meern");

      const login = await gql(
        app,
        graphql(
          `mutation EmbeddedLoginCoordinator($p: String!) { login(email: "coordinator@wijknet.example", password: $p) { token user { role } } }`,
        ),
        { p: DEMO_PASSWORD },
      );
      expect(login.data!.login.user.role).toBe("COORDINATOR");
      const token = login.data!.login.token as string;
      expect((await gql(app, graphql(`query EmbeddedViewer { viewer { role districts { name } } }`), {}, token)).data).toEqual({
        viewer: { role: "COORDINATOR", districts: [] },
      });
      const liaison = await gql(
        app,
        graphql(
          `mutation EmbeddedLoginLiaison($p: String!) { login(email: "liaison.overvecht@wijknet.example", password: $p) { user { role districts { name } } } }`,
        ),
        { p: DEMO_PASSWORD },
      );
      expect(liaison.data!.login.user).toEqual({ role: "POLICE_LIAISON", districts: [{ name: "Overvecht" }] });
      expect(await fetch(`${app.url}/readyz`).then((r) => r.json())).toEqual({ status: "ready", checks: { database: true } });
    } finally {
      await app.stop();
    }

    app = await startEmbedded();
    try {
      // Restart: same data, not seeded twice, the earlier session still valid.
      expect(await app.db.prisma.municipality.count()).toBe(1);
      expect((await gql(app, graphql(`query EmbeddedDistrictIds { districts { id } }`))).data!.districts).toHaveLength(10);
      expect(await app.db.prisma.auditEntry.count({ where: { action: "LOGIN" } })).toBe(2);
    } finally {
      await app.stop();
    }
  });
});
