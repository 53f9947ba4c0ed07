/**
 * Fixed-window rate limits. With Redis configured, counters live in Redis so every
 * instance shares them (an attacker cannot spread attempts over instances); without
 * it, or while Redis is unreachable, each instance counts in memory. Over the limit the
 * caller gets RATE_LIMITED with a retry time — never a crash.
 */
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { AppError } from "../core/errors.js";
import type { Logger } from "./logger.js";

export interface RateLimitRule {
  /** Counter name, e.g. "login:account". */
  name: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterMs: number;
}

export interface RateLimiter {
  hit(rule: RateLimitRule, key: string): Promise<RateLimitResult>;
  /** Forget a key's count (e.g. after a successful login). */
  reset(rule: RateLimitRule, key: string): Promise<void>;
  close(): Promise<void>;
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly pruner: NodeJS.Timeout;
  constructor(private readonly now: () => number = Date.now) {
    this.pruner = setInterval(() => {
      const t = this.now();
      for (const [k, w] of this.windows) if (w.resetAt <= t) this.windows.delete(k);
    }, 60_000);
    this.pruner.unref();
  }
  async hit(rule: RateLimitRule, key: string): Promise<RateLimitResult> {
    const k = `${rule.name}:${hashedKey("memory", key)}`;
    const t = this.now();
    let w = this.windows.get(k);
    if (!w || w.resetAt <= t) {
      w = { count: 0, resetAt: t + rule.windowMs };
      this.windows.set(k, w);
    }
    w.count++;
    return { allowed: w.count <= rule.limit, count: w.count, retryAfterMs: Math.max(0, w.resetAt - t) };
  }
  async reset(rule: RateLimitRule, key: string): Promise<void> {
    this.windows.delete(`${rule.name}:${hashedKey("memory", key)}`);
  }
  async close(): Promise<void> {
    clearInterval(this.pruner);
    this.windows.clear();
  }
}

// INCR and set the expiry in one step, so a crash between them cannot leave a counter
// without expiry (which would lock a key out for good).
const HIT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

/**
 * Counters are per deployment: the instances of one deployment share a database, so its
 * (hashed) URL names them. Deployments that share a Redis (test runs, staging next to
 * production) then never count each other's attempts.
 */
export function rateLimitPrefix(databaseUrl: string): string {
  return `wijknet:rl:${createHash("sha256").update(databaseUrl).digest("hex").slice(0, 12)}`;
}

/**
 * The stored form of a counter's key: identifiers (email addresses, client addresses,
 * user ids) never appear in Redis or memory as written, only as a salted SHA-256.
 */
export function hashedKey(salt: string, key: string): string {
  return createHash("sha256").update(salt).update("\0").update(key).digest("base64url").slice(0, 32);
}

export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;
  private readonly fallback = new MemoryRateLimiter();
  constructor(
    url: string,
    private readonly log: Logger,
    private readonly prefix = "wijknet:rl",
  ) {
    this.redis = new Redis(url, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => Math.min(times * 100, 1_000),
    });
    this.redis.on("error", () => undefined);
  }
  private keyOf(rule: RateLimitRule, key: string): string {
    return `${this.prefix}:${rule.name}:${hashedKey(this.prefix, key)}`;
  }
  async hit(rule: RateLimitRule, key: string): Promise<RateLimitResult> {
    try {
      const [count, ttl] = (await this.redis.eval(HIT_SCRIPT, 1, this.keyOf(rule, key), String(rule.windowMs))) as [number, number];
      return { allowed: count <= rule.limit, count, retryAfterMs: Math.max(0, ttl) };
    } catch (err) {
      this.log.warn({ err: (err as Error).message, rule: rule.name }, "rate limiter: Redis unreachable, counting in memory");
      return this.fallback.hit(rule, key);
    }
  }
  async reset(rule: RateLimitRule, key: string): Promise<void> {
    await this.redis.del(this.keyOf(rule, key)).catch(() => undefined);
    await this.fallback.reset(rule, key);
  }
  async close(): Promise<void> {
    await this.fallback.close();
    if (this.redis.status === "ready") await this.redis.quit().catch(() => undefined);
    else this.redis.disconnect();
  }
}

/** Throws RATE_LIMITED when over the limit. */
export async function enforce(limiter: RateLimiter, rule: RateLimitRule, key: string, message: string): Promise<void> {
  const r = await limiter.hit(rule, key);
  if (!r.allowed) {
    const retryAfterSeconds = Math.ceil(r.retryAfterMs / 1000);
    throw new AppError("RATE_LIMITED", `${message} Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
  }
}

/**
 * Counts one attempt against every rule (e.g. tiers of one limit: 5 a minute, 10 a quarter,
 * 20 an hour — a back-off that doubles) and refuses when any is over, with the longest wait.
 */
export async function enforceAll(limiter: RateLimiter, rules: readonly RateLimitRule[], key: string, message: string): Promise<void> {
  const results = await Promise.all(rules.map((rule) => limiter.hit(rule, key)));
  const refused = results.filter((r) => !r.allowed);
  if (refused.length === 0) return;
  const retryAfterSeconds = Math.ceil(Math.max(...refused.map((r) => r.retryAfterMs)) / 1000);
  throw new AppError("RATE_LIMITED", `${message} Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
}

/** The tiers of a back-off that doubles: `base` a minute, twice that a quarter, four times an hour. */
export function doublingTiers(name: string, base: number): RateLimitRule[] {
  return [
    { name: `${name}:1m`, limit: base, windowMs: 60_000 },
    { name: `${name}:15m`, limit: base * 2, windowMs: 15 * 60_000 },
    { name: `${name}:1h`, limit: base * 4, windowMs: 60 * 60_000 },
  ];
}

/** Counts refusals (the metrics) around any limiter. */
export class CountingRateLimiter implements RateLimiter {
  constructor(
    private readonly inner: RateLimiter,
    private readonly onRefused: (rule: string) => void,
  ) {}
  async hit(rule: RateLimitRule, key: string): Promise<RateLimitResult> {
    const result = await this.inner.hit(rule, key);
    if (!result.allowed) this.onRefused(rule.name);
    return result;
  }
  reset(rule: RateLimitRule, key: string): Promise<void> {
    return this.inner.reset(rule, key);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
