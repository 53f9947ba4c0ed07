import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    alias: [
      // graphql 16 ships CJS (`main`) and ESM (`module`) side by side without an
      // `exports` map: Node (and every externalised dependency such as
      // @graphql-tools or Apollo) loads the CJS build, Vite would pick the ESM one,
      // and graphql then refuses types "from another realm". Point Vite at the
      // same file Node uses.
      { find: /^graphql$/, replacement: require.resolve("graphql") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: run files two at a time; each file works in its own municipality.
    maxWorkers: 2,
    reporters: ["default", "json"],
    outputFile: { json: "../../artifacts/test-results/server.json" },
  },
});
