import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { describe, expect, it } from "vitest";
import { testApp } from "../test-app.ts";
import { API_HEADERS } from "./api-headers.ts";

describe("the API's security headers", () => {
  it("are the ones Hono's secureHeaders gives, on answers and on errors alike", async () => {
    const hono = new Hono().use(
      secureHeaders({
        contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
        crossOriginResourcePolicy: false,
      }),
    );
    hono.get("/", (c) => c.json({}));
    const reference = Object.fromEntries((await hono.request("/")).headers);
    delete reference["content-type"];
    expect(Object.fromEntries(API_HEADERS.map(([k, v]) => [k.toLowerCase(), v]))).toEqual(reference);

    const t = await testApp();
    for (const res of [
      await t.call("GET", "/api/v1/agencies/disdukcapil-tebingtinggi/form"),
      await t.call("GET", "/api/v1/me"),
    ]) {
      for (const [name, value] of API_HEADERS) expect(res.headers.get(name), name).toBe(value);
    }
  });
});
