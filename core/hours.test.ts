import { describe, expect, it } from "vitest";
import { withinHours } from "./hours.ts";

describe("a counter's service hours", () => {
  it("take a day's hours with the closing minute exclusive", () => {
    expect(withinHours("08:00", "08:00", "16:00")).toBe(true);
    expect(withinHours("15:59", "08:00", "16:00")).toBe(true);
    expect(withinHours("16:00", "08:00", "16:00")).toBe(false);
    expect(withinHours("07:59", "08:00", "16:00")).toBe(false);
  });

  it("run to midnight when closing at 00:00, with the day's last minute inside", () => {
    expect(withinHours("23:59", "08:00", "00:00")).toBe(true);
    expect(withinHours("00:00", "08:00", "00:00")).toBe(false);
    expect(withinHours("07:00", "08:00", "00:00")).toBe(false);
  });

  it("run across midnight when closing before opening", () => {
    for (const time of ["22:00", "23:30", "00:00", "05:59"]) expect(withinHours(time, "22:00", "06:00")).toBe(true);
    for (const time of ["06:00", "12:00", "21:59"]) expect(withinHours(time, "22:00", "06:00")).toBe(false);
  });

  it("are around the clock when closing at the opening time", () => {
    for (const time of ["00:00", "07:59", "08:00", "23:59"]) expect(withinHours(time, "08:00", "08:00")).toBe(true);
  });
});
