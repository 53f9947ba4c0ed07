/**
 * Regenerates docs/screenshots/ (committed, linked from the README): runs the browser tests that
 * take the main pages' screenshots (real server, demo data, Debian's Chromium; see e2e/) and
 * copies the chosen ones from artifacts/screenshots/.
 *
 *   pnpm --dir packages/web screenshots
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const web = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const artifacts = resolve(web, "../../artifacts/screenshots");
const target = resolve(web, "../../docs/screenshots");

/** The pages worth showing, each at the size it is most used at. */
export const CHOSEN = [
  "home-coordinator-desktop",
  "home-coordinator-phone",
  "home-ally-phone",
  "home-liaison-desktop",
  "layout-desktop-dashboard",
  "layout-desktop-contacts",
  "layout-phone-contacts",
  "layout-desktop-network",
  "layout-desktop-sessions-past",
  "layout-desktop-session",
  "layout-phone-session",
  "layout-desktop-signals",
  "layout-phone-mijn-profiel",
  "layout-desktop-beheer-gebruikers",
] as const;

if (!process.argv.includes("--copy-only")) {
  execFileSync("pnpm", ["exec", "vitest", "run", "--config", "vitest.e2e.config.ts", "e2e/home.e2e.test.ts", "e2e/layout.e2e.test.ts"], {
    cwd: web,
    stdio: "inherit",
  });
}

mkdirSync(target, { recursive: true });
for (const file of readdirSync(target)) if (file.endsWith(".png")) rmSync(join(target, file));
const missing: string[] = [];
for (const name of CHOSEN) {
  const source = join(artifacts, `${name}.png`);
  if (existsSync(source)) copyFileSync(source, join(target, `${name}.png`));
  else missing.push(name);
}
if (missing.length > 0) {
  console.error(`missing screenshots: ${missing.join(", ")}`);
  process.exit(1);
}
console.log(`${CHOSEN.length} screenshots in ${target}`);
