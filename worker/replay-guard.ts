/**
 * The signatures accepted lately, so a request copied off the wire cannot be
 * sent again while its timestamp is still fresh. Kept in memory per app, like
 * the device cache and the lockouts: per process on Node, per isolate on
 * Workers (a replay that reaches another isolate within the window gets through
 * there; its signature still binds it to the same method, path and body).
 *
 * Signatures are filed under the second of their timestamp, so the ones that
 * left the window go a second at a time. Past `maxEntries` the oldest seconds
 * are dropped and everything signed at or before them is refused as stale: the
 * guard stays bounded without ever letting a forgotten signature through.
 */

/** Options of the replay guard. */
export interface ReplayGuardOptions {
  /** How long a timestamp stays acceptable after its time (the signature window). */
  windowMs: number;
  /** Most signatures remembered; a flood beyond it shortens the window instead of growing memory. */
  maxEntries?: number;
}

/** What claiming a signature found. */
export type Claim = "fresh" | "replayed" | "stale";

/** A bounded set of recently accepted signatures. */
export class ReplayGuard {
  private readonly seconds = new Map<number, Set<string>>();
  private readonly windowMs: number;
  private readonly maxEntries: number;
  private size = 0;
  /** Timestamps at or before this were (or may have been) forgotten: refused as stale. */
  private floor = Number.NEGATIVE_INFINITY;
  private nextSweep = 0;

  constructor({ windowMs, maxEntries = 100_000 }: ReplayGuardOptions) {
    this.windowMs = windowMs;
    this.maxEntries = maxEntries;
  }

  /**
   * Records the signature `id` made at `timestamp`, unless it was recorded
   * before (`replayed`) or its second was already forgotten (`stale`).
   */
  claim(id: string, timestamp: number, now = Date.now()): Claim {
    if (now >= this.nextSweep) this.sweep(now);
    if (timestamp <= this.floor) return "stale";
    const second = Math.floor(timestamp / 1000);
    const ids = this.seconds.get(second);
    if (ids?.has(id)) return "replayed";
    if (ids) ids.add(id);
    else this.seconds.set(second, new Set([id]));
    this.size += 1;
    if (this.size > this.maxEntries) this.shed();
    return "fresh";
  }

  /** Forgets a claim whose request then failed verification, so it blocks nothing. */
  release(id: string, timestamp: number): void {
    if (this.seconds.get(Math.floor(timestamp / 1000))?.delete(id)) this.size -= 1;
  }

  /** How many signatures are remembered. */
  get count(): number {
    return this.size;
  }

  /** Drops the seconds whose signatures the timestamp check refuses anyway (at most once a second). */
  private sweep(now: number): void {
    this.nextSweep = now + 1000;
    for (const [second, ids] of this.seconds) {
      if ((second + 1) * 1000 <= now - this.windowMs) this.drop(second, ids);
    }
  }

  /** Drops the oldest seconds until a tenth of the room is free, and refuses their timestamps from now on. */
  private shed(): void {
    const oldestFirst = [...this.seconds.keys()].sort((a, b) => a - b);
    for (const second of oldestFirst) {
      if (this.size <= this.maxEntries * 0.9) break;
      this.drop(second, this.seconds.get(second)!);
      this.floor = Math.max(this.floor, (second + 1) * 1000 - 1);
    }
  }

  private drop(second: number, ids: Set<string>): void {
    this.size -= ids.size;
    this.seconds.delete(second);
  }
}
