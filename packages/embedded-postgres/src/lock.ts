/**
 * The lock file that keeps two processes from opening one data folder: each
 * would run its own Postgres on the same files. It records who holds it, so a
 * second start can say which process to stop, and a lock left by a crash can be
 * told apart from a live one.
 */
import { closeSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";

export class EmbeddedPostgresLockedError extends Error {
  readonly code = "EMBEDDED_POSTGRES_LOCKED";
  constructor(
    message: string,
    readonly lockFile: string,
    readonly ownerPid: number | undefined,
  ) {
    super(message);
    this.name = "EmbeddedPostgresLockedError";
  }
}

export interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  token: string;
}

/**
 * Takes the lock or throws EmbeddedPostgresLockedError naming its owner. A lock
 * left by a process that is no longer running on this host is taken over.
 * Returns the (idempotent) release function.
 */
export function acquireLock(lockFile: string, dataDir: string, log: (msg: string) => void): () => void {
  const mine: LockInfo = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), token: randomUUID() };
  // Write the content to a private file and hard-link it into place: link()
  // fails atomically if the lock exists, and a competing starter never sees a
  // half-written lock that it could mistake for a stale one.
  const tmp = `${lockFile}.${process.pid}.${mine.token}.tmp`;
  const fd = openSync(tmp, "wx");
  try {
    writeSync(fd, `${JSON.stringify(mine)}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(tmp, lockFile);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw lockedError(err, lockFile, dataDir);
      }
      const other = readLock(lockFile);
      if (other && (other.hostname !== mine.hostname || isProcessAlive(other.pid))) {
        throw lockedError(undefined, lockFile, dataDir, other);
      }
      // The owner is gone (crash, kill -9): take over. Two processes taking
      // over the same stale lock at the very same moment is not excluded; that
      // needs a human starting two servers on one folder simultaneously.
      log(
        `embedded PostgreSQL: removing stale lock ${lockFile}` +
          (other ? ` (process ${other.pid} from ${other.startedAt} is not running)` : " (unreadable)"),
      );
      rmIfExists(lockFile);
    }
  } finally {
    rmIfExists(tmp);
  }

  let released = false;
  return () => {
    if (released) return;
    released = true;
    // Only remove the lock if it is still ours.
    if (readLock(lockFile)?.token === mine.token) rmIfExists(lockFile);
  };
}

function lockedError(cause: unknown, lockFile: string, dataDir: string, other?: LockInfo): Error {
  if (!other) {
    // Lost a race for the lock, or the file system refuses: report the owner if we can.
    other = readLock(lockFile);
    if (!other) return cause instanceof Error ? cause : new Error(String(cause));
  }
  return new EmbeddedPostgresLockedError(
    `Embedded PostgreSQL data folder ${dataDir} is already in use by process ${other.pid} on ${other.hostname} ` +
      `(since ${other.startedAt}; lock file ${lockFile}). Only one server can use a data folder at a time: ` +
      `stop the other server, use another data folder, or set DATABASE_URL to use a PostgreSQL server. ` +
      `If you are sure that process is not a wijknet server, delete the lock file.`,
    lockFile,
    other.pid,
  );
}

export function readLock(lockFile: string): LockInfo | undefined {
  try {
    const parsed = JSON.parse(readFileSync(lockFile, "utf8")) as Partial<LockInfo>;
    if (typeof parsed.pid === "number" && typeof parsed.hostname === "string" && typeof parsed.token === "string") {
      return { pid: parsed.pid, hostname: parsed.hostname, startedAt: String(parsed.startedAt), token: parsed.token };
    }
  } catch {
    // missing or garbage: treated as no (valid) lock
  }
  return undefined;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: existence check only
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}

function rmIfExists(file: string): void {
  try {
    unlinkSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
}
