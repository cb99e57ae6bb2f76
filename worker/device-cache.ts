/**
 * Recently seen kiosk device tokens, so a busy counter's syncs skip the token
 * hash and lookup (half the cost of a single-rating POST in `npm run bench`),
 * with the tablet's public key already imported for its signatures.
 * A revocation clears the entry at once on the instance that revoked; other
 * instances (Workers isolates, further Node servers on one database) ask the
 * database again once an entry is `ttlMs` old, and an entry's age counts from
 * before its lookup began, so they refuse a revoked tablet within `ttlMs` of the
 * revocation's commit (1 s). A busy tablet's taps still skip the lookup: at a
 * sync every few seconds the cache saves little, at thousands a second nearly all.
 */
import type { DeviceCaller } from "./env.ts";

/** A device as the cache keeps it: who it is and its imported public key (null: paired before signing). */
export interface KnownDevice {
  device: DeviceCaller;
  key: unknown;
}

/** Options of the device cache. */
export interface DeviceCacheOptions {
  /** How long a looked-up token is trusted without asking the database again. */
  ttlMs?: number;
  /** Most tokens kept; the cache empties itself past this (a flood of bogus tokens is never cached). */
  maxEntries?: number;
}

/** A small time-bounded map from device token to device. */
export class DeviceCache {
  private readonly entries = new Map<string, { known: KnownDevice; until: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  /**
   * Bumped by every revocation. A lookup that began before a revocation must not
   * cache its (now stale) answer: `set` takes the generation read before the lookup.
   */
  generation = 0;

  constructor({ ttlMs = 1_000, maxEntries = 10_000 }: DeviceCacheOptions = {}) {
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
  }

  /** The device of a token seen within the TTL, or undefined. */
  get(token: string, now = Date.now()): KnownDevice | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until > now) return entry.known;
    this.entries.delete(token);
    return undefined;
  }

  /**
   * Remembers a token that the database confirmed in a lookup begun at `generation` and at time
   * `askedAt`: the entry expires `ttlMs` after the question, not the answer, so a revocation that
   * committed while the lookup was under way is seen within `ttlMs` however slow the database was.
   */
  set(token: string, known: KnownDevice, generation: number, askedAt = Date.now()): void {
    if (generation !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(token, { known, until: askedAt + this.ttlMs });
  }

  /** Forgets every token of a device (it was revoked); call it after the revocation committed. */
  forget(deviceId: string): void {
    this.generation += 1;
    for (const [token, entry] of this.entries) if (entry.known.device.id === deviceId) this.entries.delete(token);
  }
}
