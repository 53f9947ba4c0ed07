import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", "json"],
    outputFile: { json: "../../artifacts/test-results/shared.json" },
    environment: "node",
    include: ["src/**/*.test.ts"],
    // The WebSocket tests wait for real reconnects on loopback.
    testTimeout: 15_000,
    server: {
      deps: {
        // graphql 16 ships CJS (`main`) and ESM (`module`) side by side. Vite
        // resolves the test's `graphql` import to the ESM build while Node, for
        // the externalised graphql-ws server, loads the CJS one; graphql then
        // refuses the schema "from another realm". Inlining graphql-ws makes
        // both go through Vite and share one copy.
        inline: ["graphql-ws"],
      },
    },
  },
});
