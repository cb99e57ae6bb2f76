/**
 * The in-memory public results: kept for the TTL, loaded once however many ask at once, an older
 * answer served when a load fails, a forget that no earlier load undoes, bounded in size; and the
 * RTL middleware forgets an agency only after a change that succeeded.
 */
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "./env.ts";
import { forgetPublicResults, type PublicResults, PublicResultsCache } from "./public-results.ts";

const results = (name: string): PublicResults => ({
  agency: { slug: "a", name },
  timezone: "Asia/Jakarta",
  publications: [],
  current: [],
  etag: `"${name}"`,
  pages: new Map(),
});

describe("PublicResultsCache", () => {
  it("asks the database once per TTL, and again after it", async () => {
    let clock = 0;
    let loads = 0;
    const cache = new PublicResultsCache({ ttlMs: 60_000, now: () => clock });
    const load = async () => results(`v${++loads}`);
    expect(cache.peek("a")).toBeUndefined();
    expect((await cache.get("a", load))?.agency.name).toBe("v1");
    expect(cache.peek("a")?.agency.name).toBe("v1");
    clock = 59_999;
    expect((await cache.get("a", load))?.agency.name).toBe("v1");
    clock = 60_000;
    expect(cache.peek("a")).toBeUndefined();
    expect((await cache.get("a", load))?.agency.name).toBe("v2");
    expect(cache.maxAgeSeconds).toBe(60);
  });

  it("loads once for a crowd arriving at the same moment", async () => {
    let loads = 0;
    const cache = new PublicResultsCache();
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 10));
      return results("x");
    };
    await Promise.all(Array.from({ length: 50 }, () => cache.get("a", load)));
    expect(loads).toBe(1);
  });

  it("keeps serving the older answer when the database fails, and throws when it has none", async () => {
    let clock = 0;
    const cache = new PublicResultsCache({ ttlMs: 1000, now: () => clock });
    await cache.get("a", async () => results("old"));
    clock = 5000;
    const down = async (): Promise<PublicResults> => {
      throw new Error("SQLITE_BUSY");
    };
    expect((await cache.get("a", down))?.agency.name).toBe("old");
    await expect(cache.get("b", down)).rejects.toThrow("SQLITE_BUSY");
  });

  it("forgets at once, and a load begun before the forget does not bring its answer back", async () => {
    const cache = new PublicResultsCache();
    let release: (r: PublicResults) => void = () => {};
    const slow = cache.get("a", () => new Promise<PublicResults>((r) => (release = r)));
    cache.forget("a");
    release(results("before"));
    await slow;
    expect((await cache.get("a", async () => results("after")))?.agency.name).toBe("after");
  });

  it("keeps unknown agencies too, but never more than its bound", async () => {
    let loads = 0;
    const cache = new PublicResultsCache({ maxEntries: 2 });
    const load = async () => {
      loads++;
      return null;
    };
    for (const slug of ["x", "y", "z", "z"]) await cache.get(slug, load);
    expect(loads).toBe(3);
    expect(cache.peek("z")).toBeNull();
    await cache.get("x", load);
    expect(loads).toBe(4);
  });
});

describe("forgetPublicResults", () => {
  const app = (status: number, cache: PublicResultsCache) =>
    new Hono<AppEnv>()
      .use("*", async (c, next) => {
        c.set("publicResults", cache);
        await next();
      })
      .use("/agencies/:slug/follow-ups/*", forgetPublicResults())
      .all("/agencies/:slug/follow-ups", (c) => c.json({}, status as 200))
      .all("/agencies/:slug/follow-ups/:id", (c) => c.json({}, status as 200));

  it.each([
    ["PATCH", "/rtl_1", 200, true],
    ["POST", "", 200, true],
    ["PATCH", "/rtl_1", 403, false],
    ["GET", "", 200, false],
  ])("%s …/follow-ups%s answered %i forgets the agency: %s", async (method, rest, status, forgotten) => {
    const cache = new PublicResultsCache();
    await cache.get("dinas", async () => results("kept"));
    const res = await app(status, cache).request(`/agencies/dinas/follow-ups${rest}`, { method });
    expect(res.status).toBe(status);
    const now = await cache.get("dinas", async () => results("reloaded"));
    expect(now?.agency.name).toBe(forgotten ? "reloaded" : "kept");
  });
});
