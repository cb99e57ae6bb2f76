import { describe, expect, it } from "vitest";
import { ReplayGuard } from "./replay-guard.ts";

const WINDOW = 300_000;

describe("ReplayGuard", () => {
  it("takes a signature once", () => {
    const guard = new ReplayGuard({ windowMs: WINDOW });
    expect(guard.claim("a", 1_000_000, 1_000_000)).toBe("fresh");
    expect(guard.claim("a", 1_000_000, 1_000_001)).toBe("replayed");
    expect(guard.claim("b", 1_000_000, 1_000_001)).toBe("fresh");
  });

  it("lets a released claim (a request that failed verification) block nothing", () => {
    const guard = new ReplayGuard({ windowMs: WINDOW });
    guard.claim("a", 1_000_000, 1_000_000);
    guard.release("a", 1_000_000);
    expect(guard.claim("a", 1_000_000, 1_000_000)).toBe("fresh");
    expect(guard.count).toBe(1);
  });

  it("forgets signatures once their timestamps left the window", () => {
    const guard = new ReplayGuard({ windowMs: WINDOW });
    for (let i = 0; i < 100; i++) guard.claim(`s${i}`, 1_000_000 + i * 100, 1_000_000);
    expect(guard.count).toBe(100);
    guard.claim("later", 1_000_000 + WINDOW + 20_000, 1_000_000 + WINDOW + 20_000);
    expect(guard.count).toBe(1);
  });

  it("stays bounded, and refuses as stale what it had to forget early", () => {
    const guard = new ReplayGuard({ windowMs: WINDOW, maxEntries: 1_000 });
    const now = 10_000_000;
    // 1,500 signatures over 15 s: the oldest seconds are dropped to stay within 1,000.
    for (let i = 0; i < 1_500; i++) expect(guard.claim(`s${i}`, now + i * 10, now + i * 10)).toBe("fresh");
    expect(guard.count).toBeLessThanOrEqual(1_000);
    // The first signature is no longer remembered: sent again it is stale, never fresh.
    expect(guard.claim("s0", now, now + 15_000)).toBe("stale");
    expect(guard.claim("s1499", now + 14_990, now + 15_000)).toBe("replayed");
    expect(guard.claim("new", now + 15_000, now + 15_000)).toBe("fresh");
  });
});
