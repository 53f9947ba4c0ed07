import { describe, expect, it } from "vitest";
import type { Viewer } from "../../src/core/viewer.js";
import { SessionCache } from "../../src/modules/auth/session-cache.js";

const viewer = (sessionId: string, expiresAt = 10_000_000, extra: Partial<Viewer> = {}): Viewer => ({
  userId: `u-${sessionId}`,
  sessionId,
  municipalityId: "m",
  role: "COORDINATOR",
  districtIds: [],
  contactId: null,
  expiresAt: new Date(expiresAt),
  ...extra,
});

function cache(opts: { ttlMs?: number; maxEntries?: number } = {}) {
  const clock = { now: 1_000, up: true };
  const c = new SessionCache({
    ttlMs: opts.ttlMs ?? 30_000,
    maxEntries: opts.maxEntries ?? 100,
    revocationsArrive: () => clock.up,
    now: () => clock.now,
  });
  return { c, clock };
}

describe("SessionCache", () => {
  it("serves a session until its time is up or the token expires, whichever comes first", () => {
    const { c, clock } = cache({ ttlMs: 30_000 });
    c.set("h1", viewer("s1"));
    c.set("h2", viewer("s2", 11_000));
    clock.now = 10_999;
    expect(c.get("h1")?.sessionId).toBe("s1");
    expect(c.get("h2")?.sessionId).toBe("s2");
    clock.now = 11_000;
    expect(c.get("h2")).toBeNull(); // the token expired
    clock.now = 31_000;
    expect(c.get("h1")).toBeNull(); // the cache's own bound
  });

  it("forgets a revoked session at once, and keeps the others", () => {
    const { c } = cache();
    c.set("h1", viewer("s1"));
    c.set("h2", viewer("s2"));
    c.evictSession("s1");
    expect(c.get("h1")).toBeNull();
    expect(c.get("h2")?.sessionId).toBe("s2");
  });

  it("serves nothing while revocations cannot arrive, and starts empty after", () => {
    const { c, clock } = cache();
    c.set("h1", viewer("s1"));
    clock.up = false;
    expect(c.get("h1")).toBeNull();
    c.set("h2", viewer("s2"));
    clock.up = true;
    expect(c.get("h1")).toBeNull(); // a ring may have been missed meanwhile
    expect(c.get("h2")).toBeNull();
    expect(c.size).toBe(0);
  });

  it("never keeps an enrolment-only session (its stage changes in place), and stays within its size", () => {
    const { c } = cache({ maxEntries: 2 });
    c.set("e", viewer("se", 10_000_000, { enrolmentOnly: true }));
    expect(c.get("e")).toBeNull();
    c.set("h1", viewer("s1"));
    c.set("h2", viewer("s2"));
    c.set("h3", viewer("s3"));
    expect(c.size).toBe(2);
    expect(c.get("h1")).toBeNull(); // the oldest went first
    expect(c.get("h3")?.sessionId).toBe("s3");
  });
});
