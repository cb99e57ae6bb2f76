/**
 * The folders keep their jobs (README, "Architecture"): worker/ is HTTP and asks db/queries/ for
 * every query, so no file of worker/ but its tests imports drizzle. worker/test-app.ts is test
 * set-up too (only *.test.ts files import it): it builds fixtures the way a test needs them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const WORKER = fileURLToPath(new URL(".", import.meta.url));
const TEST_SUPPORT = new Set(["test-app.ts"]);

/** Every TypeScript file under a folder, by its path relative to worker/. */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [relative(WORKER, path)] : [];
  });

describe("worker/", () => {
  it("leaves every query to db/queries/: no file but the tests imports drizzle-orm", () => {
    const files = sources(WORKER).filter((f) => !f.endsWith(".test.ts") && !TEST_SUPPORT.has(f));
    expect(files.length).toBeGreaterThan(50);
    const importing = files.filter((f) =>
      /from\s+["']drizzle-orm(\/[^"']*)?["']/.test(readFileSync(join(WORKER, f), "utf8")),
    );
    expect(importing).toEqual([]);
  });
});
