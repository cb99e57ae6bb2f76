import { describe, expect, it } from "vitest";
import { testApp } from "../test-app.ts";

describe("GET /health", () => {
  it("answers ok while the database answers", async () => {
    const t = await testApp();
    const res = await t.call("GET", "/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers 503 with Retry-After, not a stack trace, when the database is gone", async () => {
    const t = await testApp();
    t.db.$client.close();
    for (const path of ["/health", "/api/v1/agencies/disdukcapil-tebingtinggi/form"]) {
      const res = await t.call("GET", path);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      const body = await res.json();
      expect(body.error.code).toBe("unavailable");
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts/);
    }
  });
});
