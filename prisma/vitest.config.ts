import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", "json"],
    outputFile: { json: "../artifacts/test-results/prisma.json" },
    environment: "node",
    include: ["engine/**/*.test.ts"],
    // Each test drives the real Prisma CLI (a few seconds per command) and the
    // PGlite servers take a few seconds each to boot.
    testTimeout: 240_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
