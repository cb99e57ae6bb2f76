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

/** Options of a guessing lockout. */
export interface LockoutOptions {
  /** Attempts one source (an IP, a device) may make at one identity per window. */
  perSource?: number;
  /** Attempts at one identity from everywhere per backstop window: a distributed guesser's ceiling. */
  perIdentity?: number;
  windowMs?: number;
  backstopWindowMs?: number;
}

/**
 * A lockout against guessing a password or PIN. Every attempt is counted
 * before the secret is checked, so firing guesses concurrently gains nothing.
 * It locks an identity for one source (an IP, a device), so nobody can lock a
 * person out from elsewhere, with a larger per-identity limit as the backstop.
 */
export class Lockout {
  private readonly pairs: RateLimiter;
  private readonly identities: RateLimiter;

  constructor({
    perSource = 5,
    perIdentity = 30,
    windowMs = 15 * 60_000,
    backstopWindowMs = 3_600_000,
  }: LockoutOptions = {}) {
    this.pairs = new RateLimiter(perSource, windowMs);
    this.identities = new RateLimiter(perIdentity, backstopWindowMs);
  }

  /** Counts an attempt; throws a 429 when the identity is locked for this source or everywhere. */
  attempt(identity: string, source: string, now = Date.now()): void {
    const wait = Math.max(this.pairs.hit(`${source} ${identity}`, now), this.identities.hit(identity, now));
    if (wait > 0) throw tooManyRequests(wait);
  }

  /** The right secret: the source's count starts over and the attempt leaves the backstop. */
  succeeded(identity: string, source: string, now = Date.now()): void {
    this.pairs.reset(`${source} ${identity}`);
    this.identities.refund(identity, now);
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
