import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { type AlgorithmRegister, renderAlgorithmRegister } from "../../src/modules/algorithm/algorithm.register.js";
import { algorithmSettings } from "../../src/modules/algorithm/algorithm.rules.js";
import { loadConfig, REPO_ROOT } from "../../src/platform/config.js";

/**
 * The public algorithm register (docs/algorithms/register.json) may not drift from what runs:
 * it validates against its schema, its settings are exactly the code's (constants and the
 * configuration's defaults), every file it points at exists, and the rendered page is current.
 */
const dir = resolve(REPO_ROOT, "docs/algorithms");
const read = (name: string) => readFileSync(resolve(dir, name), "utf8");
const register = JSON.parse(read("register.json")) as AlgorithmRegister;

describe("algorithm register", () => {
  it("validates against docs/algorithms/register.schema.json", () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validate = ajv.compile(JSON.parse(read("register.schema.json")));
    const ok = validate(register);
    expect(validate.errors ?? [], "schema errors").toEqual([]);
    expect(ok).toBe(true);
  });

  it("the schema refuses an entry without a required register field", () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validate = ajv.compile(JSON.parse(read("register.schema.json")));
    const { human_intervention: _dropped, ...entry } = register.algorithms[0]!;
    expect(validate({ ...register, algorithms: [entry] })).toBe(false);
    expect(validate.errors?.map((e) => e.params)).toContainEqual({ missingProperty: "human_intervention" });
  });

  it("describes every rule set once", () => {
    expect(register.algorithms.map((a) => a.id).sort()).toEqual(["disclosure-control", "escalation", "retention", "situation-text-guard"]);
  });

  it("states exactly the settings the code runs with by default (change both together)", () => {
    const described = register.algorithms.flatMap((a) =>
      a.settings.map((s) => ({ algorithm: a.id, key: s.key, value: s.value, unit: s.unit })),
    );
    const running = algorithmSettings(loadConfig({}));
    const byKey = <T extends { key: string }>(xs: T[]) => [...xs].sort((a, b) => a.key.localeCompare(b.key));
    expect(byKey(described)).toEqual(byKey(running));
  });

  it("points only at files that exist", () => {
    for (const a of register.algorithms) {
      for (const path of a.code) expect(() => readFileSync(resolve(REPO_ROOT, path.replace(/\/$/, "/index.ts"))), path).not.toThrow();
    }
  });

  it("ships docs/algorithms/README.md rendered from the register (run `pnpm --filter @wijknet/server register:render`)", () => {
    expect(read("README.md")).toBe(renderAlgorithmRegister(register));
  });
});
