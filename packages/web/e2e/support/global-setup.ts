import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { seedFixtures, type Fixtures } from "./fixtures";

/**
 * Once per browser-test run: build the web app when its sources are newer than
 * dist/, start the real server (child process, throwaway PostgreSQL database,
 * demo data, serving dist/), add the data the tests need through the GraphQL
 * API, and stop everything at the end. Every wait is bounded.
 */
const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SERVER_DIR = resolve(WEB_DIR, "../server");
const DIST = join(WEB_DIR, "dist");
const BUILD_TIMEOUT_MS = 240_000;
const SERVER_START_TIMEOUT_MS = 120_000;
const SERVER_STOP_TIMEOUT_MS = 30_000;

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    fixtures: Fixtures;
    /** The server's local mailbox (one JSON file per email): invitation and reset links. */
    mailboxDir: string;
  }
}

function newestMtime(path: string): number {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function buildIfNeeded(): void {
  const built = statSync(join(DIST, "index.html"), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...["src", "index.html", "vite.config.ts", "package.json"].map((p) => newestMtime(join(WEB_DIR, p))));
  const manifest = statSync(join(DIST, "trusted-documents.json"), { throwIfNoEntry: false });
  if (built > sources && manifest && process.env.E2E_FORCE_BUILD !== "1") return;
  const result = spawnSync(join(WEB_DIR, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"], {
    cwd: WEB_DIR,
    stdio: "inherit",
    timeout: BUILD_TIMEOUT_MS,
  });
  if (result.status !== 0) throw new Error(`vite build failed (status ${result.status}, signal ${result.signal})`);
  // The production server runs only the operations listed here (trusted documents), as it will in production.
  const trusted = spawnSync(process.execPath, ["--import", "tsx", join(WEB_DIR, "scripts/trusted-documents.ts")], {
    cwd: WEB_DIR,
    stdio: "inherit",
    timeout: BUILD_TIMEOUT_MS,
  });
  if (trusted.status !== 0) throw new Error(`trusted-documents manifest failed (status ${trusted.status})`);
}

interface Ready {
  url: string;
  database: string;
  mailboxDir: string;
}

function startServer(): Promise<{ child: ChildProcess; ready: Ready }> {
  // `node --import tsx` (one process) rather than the tsx CLI, which puts a
  // second process in between.
  const child = spawn(process.execPath, ["--import", "tsx", join(WEB_DIR, "e2e/support/e2e-server.mjs")], {
    cwd: SERVER_DIR,
    env: { ...process.env, E2E_WEB_DIST: DIST, NODE_ENV: "production" },
    // stdin stays open: when this process dies, the server sees it close and stops.
    stdio: ["pipe", "pipe", "pipe"],
  });
  return new Promise((resolvePromise, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start within ${SERVER_START_TIMEOUT_MS} ms:\n${output}`));
    }, SERVER_START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n").find((l) => l.startsWith("E2E_READY "));
      if (line) {
        clearTimeout(timer);
        resolvePromise({ child, ready: JSON.parse(line.slice("E2E_READY ".length)) as Ready });
      }
    };
    child.stdout?.on("data", onData);
    // Server warnings stay visible in the test output.
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited before it was ready (code ${code}, signal ${signal}):\n${output}`));
    });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  // Closing stdin is the stop request (see e2e-server.mjs).
  child.stdin?.end();
  const timer = setTimeout(() => child.kill("SIGKILL"), SERVER_STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

export default async function setup(project: TestProject) {
  buildIfNeeded();
  const { child, ready } = await startServer();
  try {
    project.provide("baseUrl", ready.url);
    project.provide("mailboxDir", ready.mailboxDir);
    project.provide("fixtures", await seedFixtures(ready.url));
  } catch (error) {
    await stopServer(child);
    throw error;
  }
  return () => stopServer(child);
}
