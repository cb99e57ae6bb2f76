import { describe, expect, it } from "vitest";
import { FLAGS, sayFlag } from "./flags.ts";

describe("the flags in words", () => {
  it("words every flag in both languages, never with a code", () => {
    for (const locale of ["id", "en"] as const) {
      const words = FLAGS.map((flag) => sayFlag(locale, flag));
      expect(new Set(words).size).toBe(FLAGS.length);
      // Codes are snake_case (rapid_repeat); words never are.
      for (const [i, flag] of FLAGS.entries()) expect(words[i], flag).not.toMatch(/_|^$/);
    }
    expect(sayFlag("id", "self_issued")).toBe("tiket dibuat sendiri oleh petugas");
    expect(sayFlag("en", "contested")).toBe("contested");
  });
});
