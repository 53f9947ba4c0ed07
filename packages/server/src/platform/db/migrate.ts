import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { REPO_ROOT } from "../config.js";

const PRISMA_DIR = join(REPO_ROOT, "prisma");

/** The Prisma CLI of the prisma/ workspace package (with its offline schema engine wired in prisma.config.ts). */
function prismaCli(): string {
  return createRequire(join(PRISMA_DIR, "package.json")).resolve("prisma/build/index.js");
}

/**
 * Applies pending migrations with `prisma migrate deploy` — the same command an operator
 * runs — so the embedded database and a real one are migrated by the very same path.
 */
export async function migrateDeploy(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const child = spawn(process.execPath, [prismaCli(), "migrate", "deploy"], {
    cwd: PRISMA_DIR,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const line of chunk.toString().split("\n")) if (line.trim()) log(line.trim());
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) throw new Error(`prisma migrate deploy failed (exit ${code}):\n${output.slice(-4000)}`);
}
