import { describe, expect, it } from "vitest";
import { text } from "./text.ts";

describe("the flagged tab's words", () => {
  it("explains the flags without a code", () => {
    // Codes are snake_case (rapid_repeat); words never are.
    for (const locale of ["id", "en"] as const) expect(text(locale, "flaggedIntro")).not.toMatch(/[a-z]_[a-z]/);
  });
});
