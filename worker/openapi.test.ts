import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { testApp } from "./test-app.ts";

type Schema = { $ref?: string; type?: string | string[]; properties?: object; additionalProperties?: unknown };
type Operation = {
  summary?: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
};

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const t = await testApp();
    const doc = await (await t.call("GET", "/api/v1/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
  });

  it("documents every operation with who may call it and a typed response", async () => {
    const t = await testApp();
    const doc = await (await t.call("GET", "/api/v1/openapi.json")).json();
    const operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(
      ([path, methods]) => Object.entries(methods).map(([method, op]) => ({ name: `${method} ${path}`, ...op })),
    );
    expect(operations.length).toBeGreaterThan(35);
    const resolve = (schema: Schema): Schema =>
      schema.$ref ? resolve(doc.components.schemas[schema.$ref.split("/").pop() as string]) : schema;
    for (const op of operations) {
      expect(op.summary, op.name).toMatch(/\(.+\)/);
      expect(op.security, op.name).toBeDefined();
      const ok = Object.entries(op.responses).find(([status]) => status.startsWith("2"));
      expect(ok, op.name).toBeDefined();
      const contents = Object.values(ok![1].content ?? {});
      expect(contents.length, op.name).toBeGreaterThan(0);
      for (const { schema } of contents) {
        const resolved = resolve(schema);
        // A typed response names its fields (or is text, like the CSV); never an open `{}`.
        const typed = resolved.type === "string" || Object.keys(resolved.properties ?? {}).length > 0;
        expect(typed, `${op.name} has an untyped response`).toBe(true);
      }
    }
    expect(doc.components.securitySchemes).toHaveProperty("bearer");
  });
});
