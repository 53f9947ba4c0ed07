/**
 * Production mode: only the web app's own operations run (trusted documents), no
 * introspection, no "did you mean" suggestions — on HTTP and on WebSocket.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildManifest } from "@wijknet/shared/trusted-documents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { errorCode, gql, startTestApp, wsConnect, wsQuery } from "./support/app.js";
import { createWorld, LOGIN as WORLD_LOGIN, type World } from "./support/world.js";

const APP_OPERATIONS = [
  "query Districts { districts { id name } }",
  "query Viewer { viewer { id ...Me } }\nfragment Me on User { role }",
  // The world's login document, so the world can log in to a production server.
  WORLD_LOGIN.toString(),
];

let app: App;
let w: World;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "wijknet-trusted-"));
  const manifest = join(dir, "trusted-documents.json");
  writeFileSync(manifest, JSON.stringify(buildManifest(APP_OPERATIONS)));
  app = await startTestApp({ NODE_ENV: "production", TRUSTED_DOCUMENTS: manifest });
  w = await createWorld(app);
});
afterAll(async () => {
  await app?.stop();
});

describe("production: trusted documents", () => {
  it("runs the app's operations as Apollo Client sends them (with __typename added)", async () => {
    const res = await gql(
      app,
      "query Viewer { viewer { __typename id ...Me } } fragment Me on User { role __typename }",
      {},
      w.tokens.coordinator,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.viewer).toMatchObject({ id: w.users.coordinator.id, role: "COORDINATOR" });
    const { client } = wsConnect(app, w.tokens.coordinator);
    const ws = await wsQuery(client, "query Districts { districts { __typename id name } }");
    expect((ws.data as { districts: unknown[] }).districts).toHaveLength(3);
    await client.dispose();
  });

  it("refuses any other document on HTTP and WebSocket, even a valid one", async () => {
    const other = "{ contacts { totalCount } }";
    const res = await gql(app, other, {}, w.tokens.coordinator);
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe("TRUSTED_DOCUMENT_REQUIRED");
    const { client } = wsConnect(app, w.tokens.coordinator);
    await expect(wsQuery(client, other)).rejects.toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "TRUSTED_DOCUMENT_REQUIRED" }) }),
    ]);
    await client.dispose();
  });

  it("refuses introspection over WebSocket in production even without the allowlist", async () => {
    const open = await startTestApp({ NODE_ENV: "production", TRUSTED_DOCUMENTS: "off" });
    try {
      const world = await createWorld(open);
      const { client } = wsConnect(open, world.tokens.coordinator);
      const res = await wsQuery(client, "{ __schema { types { name } } }").catch((e: unknown) => e);
      expect(JSON.stringify(res)).toMatch(/introspection/i);
      expect(JSON.stringify(res)).not.toMatch(/"types"/);
      await client.dispose();
      const http = await gql(open, "{ __schema { types { name } } }", {}, world.tokens.coordinator);
      expect(http.status).toBe(400);
    } finally {
      await open.stop();
    }
  });

  it("has no introspection and no field suggestions on either path", async () => {
    const intro = await gql(app, "{ __schema { types { name } } }", {}, w.tokens.coordinator);
    expect(intro.status).toBe(400);
    const typo = await gql(app, "{ districtz { id } }", {}, w.tokens.coordinator);
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
    const { client } = wsConnect(app, w.tokens.coordinator);
    const wsTypo = await wsQuery(client, "{ districtz { id } }").catch((e: unknown) => e);
    expect(JSON.stringify(wsTypo)).toMatch(/districtz/);
    expect(JSON.stringify(wsTypo)).not.toMatch(/Did you mean/);
    await client.dispose();
  });
});
