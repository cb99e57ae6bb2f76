import { describe, expect, it } from "vitest";
import { codesMetBy } from "../core/api-errors.ts";
import { errorText } from "./text.ts";

describe("the kiosk's API errors in words", () => {
  it("words a known code and gives an unknown one the general message, in both languages", () => {
    expect(errorText("id", "invalid_credentials")).toBe("NIP atau PIN salah.");
    expect(errorText("en", "invalid_credentials")).toBe("The NIP or PIN is wrong.");
    expect(errorText("id", "brand_new_code")).toBe("Terjadi kesalahan. Coba lagi.");
    expect(errorText("en", "brand_new_code")).toBe("Something went wrong. Try again.");
  });
});

describe("every API error a tablet can meet (core/api-errors.ts)", () => {
  const general = { id: errorText("id", "brand_new_code"), en: errorText("en", "brand_new_code") };
  it.each(codesMetBy("kiosk"))("%s has its own words in both languages, never the code", (code) => {
    for (const locale of ["id", "en"] as const) {
      const words = errorText(locale, code);
      expect(words).not.toBe(general[locale]);
      expect(words).not.toMatch(/\b[a-z]+(_[a-z0-9]+)+\b/);
    }
  });
});
