import { describe, expect, it } from "vitest";
import { testApp } from "./test-app.ts";

describe("GET /api/v1/openapi.json", () => {
  it("documents every operation with who may call it", async () => {
    const t = await testApp();
    const doc = await (await t.call("GET", "/api/v1/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    const operations = Object.entries(
      doc.paths as Record<string, Record<string, { summary?: string; security?: unknown[] }>>,
    ).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, ...op })));
    expect(operations.length).toBeGreaterThan(35);
    for (const op of operations) {
      expect(op.summary, `${op.method} ${op.path}`).toMatch(/\(.+\)/);
      expect(op.security, `${op.method} ${op.path}`).toBeDefined();
    }
    expect(doc.components.securitySchemes).toHaveProperty("bearer");
  });
});
