import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, describeConfig, loadConfig, REPO_ROOT } from "../src/platform/config.js";

describe("config", () => {
  it("has working defaults: embedded database, in-process doorbell, port 4000", () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.REDIS_URL).toBeUndefined();
    expect(c.PORT).toBe(4000);
    expect(c.DATA_DIR).toMatch(/\.wijknet$/);
  });

  it("treats empty strings as unset", () => {
    expect(loadConfig({ REDIS_URL: "", PORT: "" }).PORT).toBe(4000);
  });

  it("fails with a message naming every wrong variable", () => {
    const attempt = () => loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", REDIS_URL: "http://nope" });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (err) {
      const message = (err as Error).message;
      for (const name of ["PORT", "DATABASE_URL", "REDIS_URL"]) expect(message).toContain(name);
    }
  });

  it("documents every variable", () => {
    const undocumented = describeConfig().filter((v) => !v.description);
    expect(undocumented).toEqual([]);
  });

  it("README's configuration table lists every variable", () => {
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    const missing = describeConfig()
      .map((v) => v.name)
      .filter((name) => !readme.includes(`| \`${name}\` |`));
    expect(missing).toEqual([]);
  });
});
