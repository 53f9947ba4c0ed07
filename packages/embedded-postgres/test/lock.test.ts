import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { EmbeddedPostgresLockedError, acquireLock, readLock } from "../src/lock.js";
import { startEmbeddedPostgres } from "../src/index.js";

const root = mkdtempSync(path.join(tmpdir(), "wijknet-embedded-lock-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dir: string;
let dataDir: string;
let lockFile: string;
let logs: string[];
const log = (msg: string) => logs.push(msg);

beforeEach(() => {
  dir = mkdtempSync(path.join(root, "case-"));
  dataDir = path.join(dir, "pgdata");
  lockFile = `${dataDir}.lock`;
  logs = [];
});

/** The pid of a process that has exited. */
function deadPid(): number {
  return Number(execFileSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }));
}

function writeLock(info: object): void {
  writeFileSync(lockFile, JSON.stringify(info));
}

/** Only the lock itself may remain: no temp files from the link dance. */
function filesInDir(): string[] {
  return readdirSync(dir).sort();
}

describe("data folder lock", () => {
  it("writes who holds it, and release removes it once", () => {
    const release = acquireLock(lockFile, dataDir, log);
    const info = readLock(lockFile);
    expect(info).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(info?.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(filesInDir()).toEqual(["pgdata.lock"]);
    release();
    expect(existsSync(lockFile)).toBe(false);
    // idempotent: a lock taken by someone else since is not touched
    writeLock({ pid: process.pid, hostname: hostname(), startedAt: "x", token: "someone-else" });
    release();
    expect(existsSync(lockFile)).toBe(true);
  });

  it("refuses a second holder while the first is alive, naming it, and leaves the lock alone", () => {
    const release = acquireLock(lockFile, dataDir, log);
    const before = readFileSync(lockFile, "utf8");
    let error: unknown;
    try {
      acquireLock(lockFile, dataDir, log);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EmbeddedPostgresLockedError);
    const locked = error as EmbeddedPostgresLockedError;
    expect(locked.code).toBe("EMBEDDED_POSTGRES_LOCKED");
    expect(locked.ownerPid).toBe(process.pid);
    expect(locked.lockFile).toBe(lockFile);
    expect(locked.message).toContain(`${dataDir} is already in use by process ${process.pid} on ${hostname()}`);
    expect(readFileSync(lockFile, "utf8")).toBe(before);
    expect(filesInDir()).toEqual(["pgdata.lock"]);
    release();
  });

  it("does not release a lock it did not take", () => {
    const release = acquireLock(lockFile, dataDir, log);
    expect(() => acquireLock(lockFile, dataDir, log)).toThrow(EmbeddedPostgresLockedError);
    // the failed attempt had no release to call; the holder's lock is intact until it releases
    expect(readLock(lockFile)?.pid).toBe(process.pid);
    release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it("takes over a lock whose process is no longer running on this host", () => {
    const pid = deadPid();
    writeLock({ pid, hostname: hostname(), startedAt: "2020-01-01T00:00:00.000Z", token: "stale" });
    const release = acquireLock(lockFile, dataDir, log);
    expect(readLock(lockFile)).toMatchObject({ pid: process.pid });
    expect(logs).toEqual([
      `embedded PostgreSQL: removing stale lock ${lockFile} (process ${pid} from 2020-01-01T00:00:00.000Z is not running)`,
    ]);
    expect(filesInDir()).toEqual(["pgdata.lock"]);
    release();
  });

  it("takes over an unreadable lock", () => {
    writeFileSync(lockFile, "not json");
    const release = acquireLock(lockFile, dataDir, log);
    expect(readLock(lockFile)).toMatchObject({ pid: process.pid });
    expect(logs).toEqual([`embedded PostgreSQL: removing stale lock ${lockFile} (unreadable)`]);
    release();
  });

  it("refuses a lock held by a live process (pid 1, which may belong to another user) or by another host", () => {
    writeLock({ pid: 1, hostname: hostname(), startedAt: "s", token: "init" });
    expect(() => acquireLock(lockFile, dataDir, log)).toThrow(/already in use by process 1 /);
    // On another host the pid means nothing here: never assume it is dead.
    writeLock({ pid: deadPid(), hostname: `not-${hostname()}`, startedAt: "s", token: "remote" });
    expect(() => acquireLock(lockFile, dataDir, log)).toThrow(EmbeddedPostgresLockedError);
    expect(readLock(lockFile)?.token).toBe("remote");
    expect(logs).toEqual([]);
    expect(filesInDir()).toEqual(["pgdata.lock"]);
  });
});

describe("startEmbeddedPostgres", () => {
  it("refuses non-loopback addresses before creating or locking anything", async () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.10", "::ffff:127.0.0.1", "example.org"]) {
      await expect(startEmbeddedPostgres({ dataDir, host }), host).rejects.toThrow(
        `Embedded PostgreSQL only listens on loopback addresses, not on "${host}"`,
      );
    }
    expect(filesInDir()).toEqual([]);
  });
});
