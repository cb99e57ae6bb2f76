/**
 * core/api-errors.ts lists every error code the API answers with: this reads the codes the
 * server's source writes (worker/ and db/) and checks the list has each, and no code the source
 * no longer writes, so a face's words test (kiosk/text.test.ts, widget/words.test.ts) that
 * reads its codes there cannot miss a new one.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { API_ERRORS } from "../core/api-errors.ts";

/** The non-test TypeScript files under a folder. */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")
        ? [join(dir, entry.name)]
        : [],
  );

/** Where the source writes an error code: every way worker/errors.ts and db/queries/ingest.ts make one. */
const WRITTEN = [
  /new ApiError\(\s*\d+,\s*"([a-z_]+)"/g,
  /\b(?:conflict|refused|reject)\(\s*"([a-z_]+)"/g,
  /\bcode: "([a-z_]+)"/g,
  // worker/errors.ts: the codes of Hono's own refusals, by status, and malformed JSON.
  /^\s+\d{3}: "([a-z_]+)",$/gm,
  /\? "([a-z_]+)"\s*:\s*\(STATUS_CODES/g,
];

/** `code: "…"` literals that are not API error codes, and why. */
const NOT_API_ERRORS: Record<string, string> = {
  custom: "worker/settings.ts: a zod issue's code, for a setting's message in the server's log",
  not_csv: "db/queries/officer-import.ts: a row problem in the import's preview (its own words, the dashboard's)",
  nip_exists: "db/queries/officer-import.ts: a row problem in the import's preview (its own words, the dashboard's)",
};

/** Each code the source writes, with the files that write it. */
function written(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of [...sources("worker"), ...sources("db")]) {
    const source = readFileSync(file, "utf8");
    for (const pattern of WRITTEN) {
      for (const [, code] of source.matchAll(pattern)) {
        if (code in NOT_API_ERRORS) continue;
        found.set(code, [...(found.get(code) ?? []), file]);
      }
    }
  }
  return found;
}

describe("the API's error codes (core/api-errors.ts)", () => {
  const codes = written();

  it("lists every code the server's source writes", () => {
    const unlisted = [...codes].filter(([code]) => !(code in API_ERRORS)).map(([code, files]) => `${code} (${files})`);
    expect(unlisted).toEqual([]);
  });

  it("lists no code the source no longer writes", () => {
    expect(Object.keys(API_ERRORS).filter((code) => !codes.has(code))).toEqual([]);
  });

  it("finds the codes written in each way (the reading itself works)", () => {
    for (const code of ["rate_limited", "origin_not_allowed", "sign_in_locked", "malformed_json", "counter_busy"]) {
      expect(codes.has(code), code).toBe(true);
    }
  });
});
