import { describe, expect, it } from "vitest";
import { codesMetBy } from "../core/api-errors.ts";
import { refusal } from "./steps-words.ts";
import { say } from "./words.ts";

describe("every API error the widget can meet (core/api-errors.ts) in words", () => {
  it.each(codesMetBy("widget"))("%s is said in both languages, never as the code", (code) => {
    for (const locale of ["id", "en"] as const) {
      const words = say(locale, refusal(code));
      expect(words).not.toBe("");
      expect(words).not.toMatch(/\b[a-z]+(_[a-z0-9]+)+\b/);
    }
  });

  it("says what became of a ticket, and refuses anything else neutrally", () => {
    expect(say("id", refusal("ticket_used"))).toBe("Tiket ini sudah dipakai untuk menilai.");
    expect(say("en", refusal("ticket_expired"))).toBe("This ticket has expired.");
    expect(say("id", refusal("ticket_mismatch"))).toBe("Tiket tidak ditemukan.");
    expect(say("id", refusal("origin_not_allowed"))).toBe("Penilaian belum dapat diterima situs ini.");
    expect(say("en", refusal("a_code_not_yet_invented"))).toBe("This site cannot take ratings yet.");
  });
});
