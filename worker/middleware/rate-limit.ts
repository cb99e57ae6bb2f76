/**
 * Fixed-window rate limits kept in memory. On Node that is the whole server;
 * on Workers it is per isolate, which still blunts a flood from one client.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";

/** Counts hits per key in fixed windows. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; hits: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Records a hit; returns the seconds to wait when the key is over its limit, else 0. */
  hit(key: string, now = Date.now()): number {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.prune(now);
      window = { start: now, hits: 0 };
      this.windows.set(key, window);
    }
    window.hits += 1;
    return window.hits > this.limit ? Math.ceil((window.start + this.windowMs - now) / 1000) : 0;
  }

  /** The seconds a key must still wait, without counting a hit (0 when it may go on). */
  wait(key: string, now = Date.now()): number {
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs || window.hits < this.limit) return 0;
    return Math.ceil((window.start + this.windowMs - now) / 1000);
  }

  /**
   * Guessing lockout, before checking a secret: a 429 while the key's failures
   * are at the limit, even if this guess would be right.
   */
  assertNotLocked(key: string): void {
    const wait = this.wait(key);
    if (wait > 0) throw tooManyRequests(wait);
  }

  /** Counts a wrong secret and returns what to throw: a 429 once the key is over its limit, else `error`. */
  failure(key: string, error: Error): Error {
    const wait = this.hit(key);
    return wait > 0 ? tooManyRequests(wait) : error;
  }

  /** Forgets a key, e.g. after a successful sign-in. */
  reset(key: string): void {
    this.windows.delete(key);
  }

  private prune(now: number) {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}

/** The 429 a limited caller gets, with Retry-After. */
export const tooManyRequests = (retryAfter: number) =>
  new ApiError(429, "rate_limited", `Too many requests; try again in ${retryAfter} s.`, undefined, {
    "Retry-After": String(retryAfter),
  });

/** Options of the rateLimit middleware. */
export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  limit?: number;
  windowMs?: number;
  /** The key to count by (default: the client's IP); null skips the limit. */
  key?: (c: Context<AppEnv>) => string | null;
}

/** Limits requests per client IP (or another key). */
export const rateLimit = ({ limit = 60, windowMs = 60_000, key }: RateLimitOptions = {}): MiddlewareHandler<AppEnv> => {
  const limiter = new RateLimiter(limit, windowMs);
  return async function rateLimit(c, next) {
    const k = key ? key(c) : c.var.clientIp;
    if (k !== null) {
      const retryAfter = limiter.hit(k);
      if (retryAfter > 0) throw tooManyRequests(retryAfter);
    }
    await next();
  };
};
