import { describe, expect, it } from "vitest";
import { FLAGS } from "../core/flags.ts";
import { FLAG_WORDS } from "./pages/flagged.tsx";
import { text } from "./text.ts";

describe("the flags in words", () => {
  it("words every flag in both languages, and no sentence shows a flag's code", () => {
    for (const locale of ["id", "en"] as const) {
      const words = FLAGS.map((flag) => text(locale, FLAG_WORDS[flag]));
      expect(new Set(words).size).toBe(FLAGS.length);
      for (const [i, flag] of FLAGS.entries()) expect(words[i], flag).not.toMatch(/_/);
      // Codes are snake_case (rapid_repeat); words never are.
      expect(text(locale, "flaggedIntro")).not.toMatch(/[a-z]_[a-z]/);
    }
    expect(text("id", FLAG_WORDS.self_issued)).toBe("tiket dibuat sendiri oleh petugas");
    expect(text("en", FLAG_WORDS.contested)).toBe("contested");
  });
});
