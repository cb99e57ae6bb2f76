/**
 * Fixed-window rate limits kept in memory. On Node that is one server process;
 * on Workers one isolate, which still blunts a flood from one client. Limits
 * that must hold across servers (guessing passwords and kiosk PINs) are counted
 * in the database instead (worker/sign-in-limits.ts, worker/officer-pin.ts;
 * docs/design.md, "Security and privacy").
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

  /**
   * Records `amount` hits at once (synchronously, so concurrent requests are
   * counted before any of them awaits); returns the seconds to wait when the
   * key is now over its limit, else 0.
   */
  hit(key: string, now = Date.now(), amount = 1): number {
    const window = this.current(key, now);
    window.hits += amount;
    return window.hits > this.limit ? this.retryAfter(window, now) : 0;
  }

  /** Gives back one hit, e.g. for an attempt that turned out right. */
  refund(key: string, now = Date.now()): void {
    const window = this.windows.get(key);
    if (window && now - window.start < this.windowMs && window.hits > 0) window.hits -= 1;
  }

  private current(key: string, now: number) {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.prune(now);
      window = { start: now, hits: 0 };
      this.windows.set(key, window);
    }
    return window;
  }

  private retryAfter(window: { start: number }, now: number) {
    return Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
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
    const k = key ? key(c) : c.get("clientIp");
    if (k !== null) {
      const retryAfter = limiter.hit(k);
      if (retryAfter > 0) throw tooManyRequests(retryAfter);
    }
    await next();
  };
};
