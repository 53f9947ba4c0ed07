// `pnpm generate` for the Prisma client: runs `prisma generate` only when its inputs changed.
//
// The client is written into packages/server/src/generated/prisma (outside this package), so
// turbo cannot cache it; without this every `pnpm start` spent seconds regenerating the same
// client. The inputs are the schema, the Prisma versions in package.json and this script; their
// SHA-256 is kept next to the output. `--force` always regenerates.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(dirname(fileURLToPath(import.meta.url)));
const output = join(here, "..", "packages", "server", "src", "generated", "prisma");
const stamp = join(output, ".inputs-sha256");

const hash = createHash("sha256");
for (const file of ["schema.prisma", "package.json", "scripts/generate.mjs"]) hash.update(readFileSync(join(here, file)));
const digest = hash.digest("hex");

const force = process.argv.includes("--force");
if (!force && existsSync(join(output, "client.ts")) && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === digest) {
  console.log("Prisma client up to date (schema and versions unchanged); `pnpm --dir prisma generate --force` regenerates it");
  process.exit(0);
}
const run = spawnSync(process.execPath, [join(here, "node_modules", "prisma", "build", "index.js"), "generate"], {
  cwd: here,
  stdio: "inherit",
  env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
});
if (run.status !== 0) process.exit(run.status ?? 1);
writeFileSync(stamp, `${digest}\n`);
