import { describe, expect, it } from "vitest";
import { errorText } from "./text.ts";

describe("the kiosk's API errors in words", () => {
  it("words a known code and gives an unknown one the general message, in both languages", () => {
    expect(errorText("id", "invalid_credentials")).toBe("NIP atau PIN salah.");
    expect(errorText("en", "invalid_credentials")).toBe("The NIP or PIN is wrong.");
    expect(errorText("id", "brand_new_code")).toBe("Terjadi kesalahan. Coba lagi.");
    expect(errorText("en", "brand_new_code")).toBe("Something went wrong. Try again.");
  });
});
