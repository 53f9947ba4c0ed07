import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    // The first start of PGlite in a fresh folder (initdb in WebAssembly) takes ~10 s, more on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: "../../artifacts/test-results/embedded-postgres.json" },
  },
});
