import type { Viewer } from "../../core/viewer.js";

export interface SessionCacheOptions {
  /** How long a resolved session is trusted without the database (ms). */
  ttlMs: number;
  /** At most this many sessions are kept; the oldest go first. */
  maxEntries: number;
  /**
   * Whether revocations reach this instance now (the doorbell is connected). While they
   * cannot, nothing is served from the cache and it is emptied: a ring may be missed.
   */
  revocationsArrive: () => boolean;
  now?: () => number;
}

/**
 * Resolved login sessions by token hash, so an authenticated request costs no database
 * round trip. Revocation stays immediate on every instance: every change that affects a
 * viewer (logout, disable, role or district change, password change, erasure) revokes the
 * session and rings the doorbell, and the ring evicts it here (`evictSession`); while the
 * doorbell is down the cache is bypassed. Only full sessions are kept (not ones waiting for
 * a second factor or limited to enrolment, whose stage changes in place), never past the
 * token's expiry, and never longer than `ttlMs` — the bound on anything that changes without
 * a ring (e.g. the contact an ally's account is linked to).
 */
export class SessionCache {
  private readonly byTokenHash = new Map<string, { viewer: Viewer; until: number }>();
  private readonly tokenHashBySession = new Map<string, string>();
  private readonly now: () => number;
  private wasUp = true;

  constructor(private readonly opts: SessionCacheOptions) {
    this.now = opts.now ?? Date.now;
  }

  get size(): number {
    return this.byTokenHash.size;
  }

  get(tokenHash: string): Viewer | null {
    if (!this.usable()) return null;
    const hit = this.byTokenHash.get(tokenHash);
    if (!hit) return null;
    if (hit.until <= this.now()) {
      this.delete(tokenHash, hit.viewer.sessionId);
      return null;
    }
    return hit.viewer;
  }

  set(tokenHash: string, viewer: Viewer): void {
    if (!this.usable() || viewer.enrolmentOnly) return;
    const until = Math.min(this.now() + this.opts.ttlMs, viewer.expiresAt.getTime());
    if (until <= this.now()) return;
    if (!this.byTokenHash.has(tokenHash) && this.byTokenHash.size >= this.opts.maxEntries) {
      const oldest = this.byTokenHash.entries().next().value;
      if (oldest) this.delete(oldest[0], oldest[1].viewer.sessionId);
    }
    this.byTokenHash.set(tokenHash, { viewer, until });
    this.tokenHashBySession.set(viewer.sessionId, tokenHash);
  }

  /** A session was revoked (on any instance): never served from here again. */
  evictSession(sessionId: string): void {
    const tokenHash = this.tokenHashBySession.get(sessionId);
    if (tokenHash !== undefined) this.delete(tokenHash, sessionId);
  }

  clear(): void {
    this.byTokenHash.clear();
    this.tokenHashBySession.clear();
  }

  /** False while revocations cannot arrive; the first call after an outage starts empty. */
  private usable(): boolean {
    const up = this.opts.revocationsArrive();
    if (!up || !this.wasUp) this.clear();
    this.wasUp = up;
    return up;
  }

  private delete(tokenHash: string, sessionId: string): void {
    this.byTokenHash.delete(tokenHash);
    if (this.tokenHashBySession.get(sessionId) === tokenHash) this.tokenHashBySession.delete(sessionId);
  }
}
