/**
 * The seeded subset of the fuzz run (the full run: `pnpm fuzz`): hostile documents,
 * bodies and WebSocket frames must never produce a 5xx, an internal error, an
 * unhandled rejection or a dead server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { fuzzHttp, fuzzWs } from "../fuzz/runner.js";
import { gql, startTestApp } from "./support/app.js";
import { createWorld, type World } from "./support/world.js";

let app: App;
let w: World;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  app = await startTestApp();
  w = await createWorld(app);
});
afterAll(async () => {
  await app?.stop();
  process.off("unhandledRejection", onUnhandled);
});

describe("fuzz (seeded subset)", () => {
  it("600 hostile HTTP requests: no 5xx, no internal error, server still answers", async () => {
    const { failures, statuses } = await fuzzHttp(app.url, w.tokens.coordinator!, { count: 600, seed: 20261129 });
    expect(failures.samples).toEqual([]);
    expect(failures.count).toBe(0);
    // The traffic really was hostile: most of it refused as the client's fault.
    expect((statuses[400] ?? 0) + (statuses[413] ?? 0)).toBeGreaterThan(100);
    const ok = await gql(app, "{ districts { id } }", {}, w.tokens.coordinator);
    expect(ok.data!.districts).toHaveLength(3);
    expect(unhandled).toEqual([]);
  });

  it("300 hostile WebSocket frames: no internal error closes, server still answers", async () => {
    const { failures, closeCodes } = await fuzzWs(app.url, w.tokens.coordinator!, { count: 300, seed: 4242, framesPerSocket: 3 });
    expect(failures.samples).toEqual([]);
    // Malformed frames end their socket with a protocol code (4400), never an internal one.
    expect(Object.keys(closeCodes).length).toBeGreaterThan(0);
    const ok = await gql(app, "{ viewer { id } }", {}, w.tokens.coordinator);
    expect(ok.data!.viewer.id).toBe(w.users.coordinator.id);
    expect(unhandled).toEqual([]);
  });
});
