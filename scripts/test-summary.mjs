// Sums the vitest JSON reports of every package into one closing line:
// "Tests: N passed, N failed" (what CI reads), and fails when a package ran no test.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = new URL("../artifacts/test-results/", import.meta.url).pathname;
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files.sort()) {
  const report = JSON.parse(readFileSync(join(dir, file), "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  skipped += report.numPendingTests + report.numTodoTests;
  console.log(`  ${file.replace(/\.json$/, "")}: ${report.numPassedTests} ok / ${report.numFailedTests} failing`);
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(files.length === 0 || passed === 0 || failed > 0 ? 1 : 0);
