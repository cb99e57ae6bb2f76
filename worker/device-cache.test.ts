import { describe, expect, it } from "vitest";
import { DeviceCache } from "./device-cache.ts";

const caller = { id: "dev_1", name: "Tablet", agencyId: "agc_1", counterId: "ctr_1", pairedAt: 0 };
const device = { device: caller, key: null };

describe("DeviceCache", () => {
  it("trusts a token for the TTL only", () => {
    const cache = new DeviceCache({ ttlMs: 1000 });
    cache.set("dev_token", device, cache.generation, 0);
    expect(cache.get("dev_token", 999)).toEqual(device);
    expect(cache.get("dev_token", 1000)).toBeUndefined();
  });

  it("trusts a token for 1 s by default, counted from when the database was asked", () => {
    // Other servers on the database refuse a revoked tablet within this bound (docs/operations.md).
    const cache = new DeviceCache();
    cache.set("dev_token", device, cache.generation, 5000);
    expect(cache.get("dev_token", 5999)).toEqual(device);
    expect(cache.get("dev_token", 6000)).toBeUndefined();
  });

  it("forgets every token of a revoked device at once", () => {
    const cache = new DeviceCache();
    cache.set("dev_a", device, cache.generation);
    cache.set("dev_b", device, cache.generation);
    cache.set("dev_c", { device: { ...caller, id: "dev_2" }, key: null }, cache.generation);
    cache.forget("dev_1");
    expect(cache.get("dev_a")).toBeUndefined();
    expect(cache.get("dev_b")).toBeUndefined();
    expect(cache.get("dev_c")?.device.id).toBe("dev_2");
  });

  it("does not cache a lookup that began before a revocation", () => {
    const cache = new DeviceCache();
    const before = cache.generation;
    cache.forget("dev_1");
    cache.set("dev_a", device, before);
    expect(cache.get("dev_a")).toBeUndefined();
  });

  it("stays bounded", () => {
    const cache = new DeviceCache({ maxEntries: 2 });
    for (const token of ["a", "b", "c"]) cache.set(token, device, cache.generation);
    expect([cache.get("a"), cache.get("b"), cache.get("c")].filter(Boolean)).toHaveLength(1);
  });
});
