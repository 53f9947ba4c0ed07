import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/platform/config.js";
import { createLogger } from "../src/platform/logger.js";
import { runSearchCases } from "./support/contact-search-cases.js";

const dataDir = mkdtempSync(join(tmpdir(), "wijknet-embedded-search-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("contact search on the embedded database (PGlite with its pg_trgm and unaccent)", () => {
  it("answers the same as PostgreSQL", { timeout: 240_000 }, async () => {
    const config = loadConfig({
      NODE_ENV: "test",
      PORT: "0",
      DATA_DIR: dataDir,
      SEED_DEMO: "never",
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    });
    const app = await startApp(config, createLogger(config));
    try {
      expect(app.databaseMode).toBe("embedded");
      await runSearchCases(app);
    } finally {
      await app.stop();
    }
  });
});
