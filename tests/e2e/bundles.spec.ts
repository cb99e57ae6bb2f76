/**
 * The built front ends carry no zod: they import only types from core's API
 * contract (`import type`), and a value import would drag the validator into
 * every browser bundle (docs/design.md, "Dependencies point one way").
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";

/** Every JavaScript file of a built folder, recursively. */
function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scripts(path);
    return name.endsWith(".js") ? [path] : [];
  });
}

/** Strings only zod's code contains. */
const ZOD = /\$ZodType|ZodError|\$constructor\("\$?Zod/;

test("no browser bundle contains zod", () => {
  // The API docs page ships Swagger UI's own prebuilt bundle; everything else is ours.
  const ours = scripts("dist").filter((path) => !path.includes("api-docs/swagger-ui"));
  expect(ours.length).toBeGreaterThan(3);
  for (const path of ours) expect(ZOD.test(readFileSync(path, "utf8")), path).toBe(false);
});
