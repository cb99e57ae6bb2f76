import { describe, expect, it } from "vitest";
import { UserInput } from "./contract.ts";
import { newPasswordProblem } from "./password-rules.ts";
import { PIN } from "./patterns.ts";
import { madePassword, madePin } from "./secrets.ts";

const many = <T>(make: () => T) => Array.from({ length: 200 }, make);

describe("madePassword", () => {
  it("meets the password rules and the API's account input, and is new each time", () => {
    const passwords = many(madePassword);
    for (const password of passwords) {
      expect(password).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
      expect(newPasswordProblem(password, { current: "" })).toBeNull();
      expect(UserInput.safeParse({ name: "Rina", role: "supervisor", password }).success).toBe(true);
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});

describe("madePin", () => {
  it("is six digits, as the API takes a PIN, with every digit drawn", () => {
    const pins = many(madePin);
    for (const pin of pins) expect(pin).toMatch(PIN);
    expect(new Set(pins.join(""))).toEqual(new Set("0123456789"));
  });
});
