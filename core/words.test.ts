import { describe, expect, it } from "vitest";
import { createWords, localeOf } from "./words.ts";

const say = createWords({
  id: { hello: "Halo, {name}!", count: "{n} penilaian dari {all}", plain: "Tutup" },
  en: { hello: "Hello, {name}!", count: "{n} ratings of {all}", plain: "Close" },
});

describe("createWords", () => {
  it("looks a word up in the locale asked for", () => {
    expect(say("id", "plain")).toBe("Tutup");
    expect(say("en", "plain")).toBe("Close");
  });

  it("fills every {name} placeholder, numbers too, and a missing value with nothing", () => {
    expect(say("id", "count", { n: 3, all: 10 })).toBe("3 penilaian dari 10");
    expect(say("en", "hello", { name: "Sari" })).toBe("Hello, Sari!");
    expect(say("en", "hello")).toBe("Hello, !");
    expect(say("en", "count", { n: 0 })).toBe("0 ratings of ");
  });

  it('gives "" for a key made at run time that has no word, so a caller can fall back', () => {
    const code = "not_a_word" as "plain";
    expect(say("en", code)).toBe("");
    expect(say("id", code) || say("id", "plain")).toBe("Tutup");
  });

  it("makes a missing English word a type error", () => {
    // @ts-expect-error: the English dictionary lacks "bye" (typecheck fails if this stops being an error)
    const partial = createWords({ id: { hi: "Halo", bye: "Dah" }, en: { hi: "Hello" } });
    expect(partial("id", "bye")).toBe("Dah");
  });
});

describe("localeOf", () => {
  it("takes English for en… and Bahasa Indonesia for anything else", () => {
    expect(localeOf("en")).toBe("en");
    expect(localeOf("en-GB")).toBe("en");
    expect(localeOf("id-ID")).toBe("id");
    expect(localeOf("nl")).toBe("id");
    expect(localeOf("")).toBe("id");
  });
});
