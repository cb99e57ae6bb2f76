import { describe, expect, it } from "vitest";
import { clock, lasted, waitFor } from "./time.ts";
import { en } from "./words-en.ts";

const at = (time: string) => new Date(`2026-11-30T${time}`).getTime();

describe("times on the duty pages", () => {
  it("say how long a duty has lasted, in both languages", () => {
    expect(lasted(at("08:00:00"), at("08:00:40"), "id")).toBe("baru saja");
    expect(lasted(at("08:00:00"), at("08:25:10"), "id")).toBe("25 menit");
    expect(lasted(at("08:00:00"), at("10:05:00"), "id")).toBe("2 jam 5 menit");
    expect(lasted(at("08:00:00"), at("10:05:00"), "en")).toBe("2 h 5 min");
    expect(lasted(at("08:00:00"), at("08:00:00") + 27 * 3_600_000, "id")).toBe("1 hari 3 jam");
    // A clock a little behind the server's never says a negative time.
    expect(lasted(at("08:00:00"), at("07:59:00"), "en")).toBe("just now");
  });

  it("give the day only when it is not today", () => {
    expect(clock(at("08:05:00"), "id", at("15:00:00"))).toBe("08.05");
    expect(clock(at("08:05:00"), "en", at("15:00:00"))).toBe("08:05");
    expect(clock(at("08:05:00"), "id", at("08:05:00") + 86_400_000)).toMatch(/^30 Nov.* 08\.05$/);
  });

  it("word the wait a refusal asked for, or a vague one when it named none", () => {
    expect(waitFor(45, "id")).toBe("45 detik");
    expect(waitFor(200, "id")).toBe("3 menit 20 detik");
    expect(waitFor(200, "en")).toBe("3 min 20 s");
    expect(waitFor(undefined, "id")).toBe("beberapa saat");
  });

  it("have English words for every Indonesian key, none empty", () => {
    expect(Object.values(en).every((words) => words.trim().length > 0)).toBe(true);
  });
});
