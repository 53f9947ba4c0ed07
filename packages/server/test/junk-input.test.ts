/**
 * Junk from anyone is the caller's mistake, never an internal error: malformed ids, NUL bytes
 * and other control characters in any string, LIKE wildcards in a search. Each answers
 * BAD_USER_INPUT (or the caller's usual refusal) and writes no error-level log line, so nobody
 * can flood the error log; wildcards match themselves.
 */
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type App } from "../src/app.js";
import { loadConfig } from "../src/platform/config.js";
import { createLogger } from "../src/platform/logger.js";
import { errorCode, gql, newTestDataDir, QUIET_TIMERS } from "./support/app.js";
import { createWorld, type World } from "./support/world.js";
import { inject } from "vitest";

const levels: number[] = [];
let app: App;
let w: World;

beforeAll(async () => {
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: inject("databaseUrl"),
    REDIS_URL: inject("redisUrl"),
    LOG_LEVEL: "info",
    SEED_DEMO: "never",
    RATE_LIMIT_LOGIN_PER_ADDRESS: "1000000",
    DATA_DIR: newTestDataDir(),
    ...QUIET_TIMERS,
  });
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) levels.push((JSON.parse(line) as { level: number }).level);
      done();
    },
  });
  app = await startApp(config, createLogger(config, sink));
  w = await createWorld(app);
});
afterAll(async () => {
  await app?.stop();
});

/** pino's error level */
const ERROR = 50;

async function expectRefused(query: string, variables: Record<string, unknown>, token: string | undefined, codes: string[]) {
  const before = levels.length;
  const res = await gql(app, query, variables, token);
  expect(res.errors?.length, JSON.stringify(res)).toBeGreaterThan(0);
  expect(codes).toContain(errorCode(res));
  expect(levels.slice(before).filter((l) => l >= ERROR)).toEqual([]);
  return res;
}

describe("junk input", () => {
  it("a malformed id is refused, for anonymous callers and signed-in ones, without an error log", async () => {
    await expectRefused(`{ district(id: "x") { name } }`, {}, undefined, ["BAD_USER_INPUT", "UNAUTHENTICATED"]);
    await expectRefused(`{ district(id: "x") { name } }`, {}, w.tokens.coordinator, ["BAD_USER_INPUT"]);
    await expectRefused(`mutation { acknowledgeAlert(id: "x") { id } }`, {}, w.tokens.liaison, ["BAD_USER_INPUT"]);
    await expectRefused(`query Q($id: ID!) { contact(id: $id) { id } }`, { id: "1; drop table" }, w.tokens.coordinator, ["BAD_USER_INPUT"]);
  });

  it("a NUL byte or another control character in any string is refused before it reaches a resolver", async () => {
    const res = await expectRefused(
      `query Q($t: String) { contacts(filter: { text: $t }) { totalCount } }`,
      { t: "ab\u0000c" },
      w.tokens.coordinator,
      ["BAD_USER_INPUT"],
    );
    expect(res.errors![0]!.message).toMatch(/stuurteken/i);
    await expectRefused(`{ contacts(filter: { text: "a\\u0000b" }) { totalCount } }`, {}, w.tokens.coordinator, ["BAD_USER_INPUT"]);
    await expectRefused(
      `mutation R($i: ReportSignalInput!) { reportSignal(input: $i) { signal { id } } }`,
      { i: { districtId: w.districts[0]!.id, kind: "TENSION", severity: "LOW", summary: "Onrust\u0000 bij het plein" } },
      w.tokens.coordinator,
      ["BAD_USER_INPUT"],
    );
    // Tabs and line breaks are text, not junk.
    const ok = await gql(app, `query Q($t: String) { contacts(filter: { text: $t }) { totalCount } }`, { t: "a\tb" }, w.tokens.coordinator);
    expect(ok.errors).toBeUndefined();
  });

  it("LIKE wildcards in a search match themselves", async () => {
    const q = `query Q($t: String) { contacts(filter: { text: $t }) { totalCount } }`;
    const all = await gql(app, `{ contacts { totalCount } }`, {}, w.tokens.coordinator);
    expect(all.data!["contacts"].totalCount).toBeGreaterThan(0);
    for (const t of ["%", "_", "\\", "%%", "a_"]) {
      const res = await gql(app, q, { t }, w.tokens.coordinator);
      expect(res.errors, t).toBeUndefined();
      expect(res.data!["contacts"].totalCount, t).toBe(0);
    }
  });
});
