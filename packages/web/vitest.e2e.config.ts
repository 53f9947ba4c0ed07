import { defineConfig } from "vitest/config";

/**
 * Browser tests: the real server (child process, throwaway PostgreSQL, demo
 * data) serving the built app, driven by Debian's Chromium via playwright-core.
 * See e2e/support/global-setup.ts.
 */
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    environment: "node",
    globalSetup: ["e2e/support/global-setup.ts"],
    // One server, one browser per file; files one at a time keep this small machine calm.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    teardownTimeout: 40_000,
    reporters: ["default", "json"],
    outputFile: { json: "../../artifacts/test-results/web-e2e.json" },
  },
});
