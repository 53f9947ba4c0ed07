// Writes docs/algorithms/README.md from docs/algorithms/register.json.
// Run: `pnpm --filter @wijknet/server register:render`. test/unit/algorithm-register.test.ts fails when it is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { type AlgorithmRegister, renderAlgorithmRegister } from "../src/modules/algorithm/algorithm.register.js";
import { REPO_ROOT } from "../src/platform/config.js";

const dir = resolve(REPO_ROOT, "docs/algorithms");
const register = JSON.parse(readFileSync(resolve(dir, "register.json"), "utf8")) as AlgorithmRegister;
writeFileSync(resolve(dir, "README.md"), renderAlgorithmRegister(register));
console.log(`wrote ${resolve(dir, "README.md")}`);
