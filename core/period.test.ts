import { describe, expect, it } from "vitest";
import { currentSemester, localDay, monthsOf, parsePeriod, rangePeriod, startOfLocalDay } from "./period.ts";

describe("parsePeriod", () => {
  it.each([
    ["2026-11", "2026-11-01", "2026-11-30"],
    ["2024-02", "2024-02-01", "2024-02-29"],
    ["2026-Q4", "2026-10-01", "2026-12-31"],
    ["2026-S1", "2026-01-01", "2026-06-30"],
    ["2026-S2", "2026-07-01", "2026-12-31"],
    ["2026", "2026-01-01", "2026-12-31"],
  ])("%s runs from %s to %s", (text, from, to) => {
    expect(parsePeriod(text)).toEqual({ label: text, from, to });
  });

  it.each(["2026-13", "2026-Q5", "2026-S3", "26", "2026-1", "", "1999"])("refuses %j", (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe("rangePeriod", () => {
  it("takes two inclusive days", () => {
    expect(rangePeriod("2026-01-05", "2026-02-10")).toMatchObject({ from: "2026-01-05", to: "2026-02-10" });
  });
  it("refuses impossible dates and reversed ranges", () => {
    expect(rangePeriod("2026-02-30", "2026-03-01")).toBeNull();
    expect(rangePeriod("2026-03-02", "2026-03-01")).toBeNull();
  });
});

describe("local days", () => {
  // 2026-06-30T17:30Z is 00:30 on 1 July in Jakarta (UTC+7) but still 30 June in UTC.
  const instant = Date.parse("2026-06-30T17:30:00Z");

  it("cuts days in the agency's timezone", () => {
    expect(localDay(instant, "Asia/Jakarta")).toBe("2026-07-01");
    expect(localDay(Date.parse("2026-06-30T16:30:00Z"), "Asia/Jakarta")).toBe("2026-06-30");
    expect(localDay(Date.parse("2026-06-30T15:30:00Z"), "Asia/Jayapura")).toBe("2026-07-01");
    expect(localDay(Date.parse("2026-06-30T15:30:00Z"), "Asia/Makassar")).toBe("2026-06-30");
  });

  it("puts a rating after local midnight into the next semester", () => {
    expect(currentSemester(instant, "Asia/Jakarta")).toBe("2026-S2");
    expect(currentSemester(instant - 3_600_000, "Asia/Jakarta")).toBe("2026-S1");
  });

  it("finds the instant a local day starts", () => {
    expect(new Date(startOfLocalDay("2026-07-01", "Asia/Makassar")).toISOString()).toBe("2026-06-30T16:00:00.000Z");
  });

  it("lists the months of a period", () => {
    expect(monthsOf(parsePeriod("2026-S2")!)).toEqual([
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
    ]);
    expect(monthsOf(rangePeriod("2025-12-15", "2026-01-02")!)).toEqual(["2025-12", "2026-01"]);
  });
});
