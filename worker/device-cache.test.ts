import { describe, expect, it } from "vitest";
import { DeviceCache } from "./device-cache.ts";

const device = { id: "dev_1", name: "Tablet", agencyId: "agc_1", counterId: "ctr_1" };

describe("DeviceCache", () => {
  it("trusts a token for the TTL only", () => {
    const cache = new DeviceCache({ ttlMs: 1000 });
    cache.set("dev_token", device, 0);
    expect(cache.get("dev_token", 999)).toEqual(device);
    expect(cache.get("dev_token", 1000)).toBeUndefined();
  });

  it("forgets every token of a revoked device at once", () => {
    const cache = new DeviceCache();
    cache.set("dev_a", device);
    cache.set("dev_b", device);
    cache.set("dev_c", { ...device, id: "dev_2" });
    cache.forget("dev_1");
    expect(cache.get("dev_a")).toBeUndefined();
    expect(cache.get("dev_b")).toBeUndefined();
    expect(cache.get("dev_c")?.id).toBe("dev_2");
  });

  it("stays bounded", () => {
    const cache = new DeviceCache({ maxEntries: 2 });
    cache.set("a", device);
    cache.set("b", device);
    cache.set("c", device);
    expect([cache.get("a"), cache.get("b"), cache.get("c")].filter(Boolean)).toHaveLength(1);
  });
});
