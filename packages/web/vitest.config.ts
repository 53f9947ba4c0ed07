import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  test: {
    reporters: ["default", "json"],
    outputFile: { json: "../../artifacts/test-results/web.json" },
    environment: "happy-dom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    server: {
      deps: {
        // graphql ships CJS and ESM builds side by side; inlining the packages
        // that import it keeps one copy (otherwise graphql's instanceof checks
        // fail with "from another module or realm").
        inline: ["graphql-ws", "@apollo/client"],
      },
    },
  },
});
