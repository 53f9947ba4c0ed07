import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API server (packages/server) listens on 4000 unless told otherwise.
const apiTarget = `http://127.0.0.1:${process.env.WIJKNET_API_PORT ?? 4000}`;

// Same-origin /graphql for HTTP and WebSocket, so the browser never needs CORS
// and the CSP can stay at connect-src 'self'.
const proxy = {
  "/graphql": { target: apiTarget, ws: true },
  // Single sign-on: the server sends the browser to the identity provider and back.
  "/auth/oidc": { target: apiTarget },
};

export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
  },
});
