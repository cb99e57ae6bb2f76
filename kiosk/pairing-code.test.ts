import { describe, expect, it } from "vitest";
import { readPairingCode } from "./pairing-code.ts";

describe("a typed pairing code", () => {
  it("is read as the dashboard shows it, with a dash, with spaces around, or pasted with a non-breaking space", () => {
    for (const typed of ["53490005", "5349 0005", "5349-0005", "  5349 0005 ", "5349\u00a00005", "5349 – 0005"]) {
      expect(readPairingCode(typed), typed).toEqual({ code: "53490005" });
    }
  });

  it("says what is wrong: nothing typed, letters, too few or too many digits", () => {
    expect(readPairingCode("   ")).toEqual({ problem: "codeEmpty" });
    expect(readPairingCode("5349 OOO5")).toEqual({ problem: "codeLetters" });
    expect(readPairingCode("5349 000")).toEqual({ problem: "codeShort" });
    expect(readPairingCode("5349 00055")).toEqual({ problem: "codeLong" });
  });
});
