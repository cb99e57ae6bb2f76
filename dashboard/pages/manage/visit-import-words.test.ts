/**
 * Every refusal an admin's import can meet from visit ingest is said in both languages, never as
 * its code: the codes are read from db/queries/visit-ingest.ts's source, so a new one fails here
 * until the import words it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sayVisitImport, type VisitImportKey } from "./visit-import-words.ts";

/** Codes only a tablet meets: it names no officer and sends only its own counter's visits. */
const TABLETS_ONLY = new Set(["wrong_counter", "officer_not_allowed"]);

const source = readFileSync(new URL("../../../db/queries/visit-ingest.ts", import.meta.url), "utf8");
const codes = [...new Set([...source.matchAll(/\breject\(\s*"([a-z_]+)"/g)].map((m) => m[1]))].filter(
  (code) => !TABLETS_ONLY.has(code),
);

describe("the import's words for refused visits", () => {
  it("finds the refusals in the ingest's source", () => {
    expect(codes).toContain("unknown_service");
  });

  it.each(codes)("%s is said in both languages, never as the code", (code) => {
    for (const locale of ["id", "en"] as const) {
      const words = sayVisitImport(locale, `rejected_${code}` as VisitImportKey);
      expect(words, `${locale} ${code}`).not.toBe("");
      expect(words).not.toContain(code);
    }
  });
});
