import { describe, expect, it } from "vitest";
import { readLogTime, xlsxLogCell } from "./log-time.ts";

/** 30 November 2026, 08:05:12 WIB (UTC+7). */
const AT = Date.parse("2026-11-30T08:05:12+07:00");

describe("readLogTime", () => {
  it.each([
    ["2026-11-30T08:05:12+07:00"],
    ["2026-11-30T01:05:12Z"],
    ["2026-11-30 08:05:12+07:00"],
    ["2026-11-30T08:05:12+0700"],
    ["2026-11-30t01:05:12z"],
    ["2026-11-30T08:05:12"],
    ["2026-11-30T08:05:12.000"],
    ["2026-11-30 08:05:12"],
    ["30/11/2026 08:05:12"],
    ["30-11-2026 08.05.12"],
    ["30.11.2026 08:05:12"],
    ["2026/11/30 8:05:12"],
    ["30/11/2026, 08:05:12"],
    ["30/11/2026 8:05:12 AM"],
    // An .xlsx date cell read as text by xlsxLogCell, and a serial number of an unformatted cell.
    ["2026-11-30 08:05:12"],
    [String(46356 + (8 * 3600 + 5 * 60 + 12) / 86400)],
  ])("reads %j in WIB", (cell) => {
    expect(readLogTime(cell, undefined, "Asia/Jakarta")).toBe(AT);
  });

  it("reads a local time in the agency's timezone, and keeps an offset as written", () => {
    expect(readLogTime("2026-11-30 09:05:12", undefined, "Asia/Makassar")).toBe(AT);
    expect(readLogTime("2026-11-30 10:05:12", undefined, "Asia/Jayapura")).toBe(AT);
    expect(readLogTime("2026-11-30T08:05:12+07:00", undefined, "Asia/Jayapura")).toBe(AT);
  });

  it("puts a time alone on the row's date column, in any of its forms", () => {
    for (const date of ["2026-11-30", "30/11/2026", "30-11-2026", "2026-11-30 00:00:00", "46356"]) {
      expect(readLogTime("08:05:12", date, "Asia/Jakarta"), date).toBe(AT);
      expect(readLogTime("08.05.12", date, "Asia/Jakarta"), date).toBe(AT);
    }
    expect(readLogTime("08:05", "2026-11-30", "Asia/Jakarta")).toBe(AT - 12_000);
    expect(readLogTime("8:05:12 PM", "2026-11-30", "Asia/Jakarta")).toBe(AT + 12 * 3_600_000);
    // Excel's time alone: a fraction of a day.
    expect(readLogTime(String((8 * 3600 + 5 * 60 + 12) / 86400), "2026-11-30", "Asia/Jakarta")).toBe(AT);
  });

  it("tells a time alone without a date from one that cannot be read", () => {
    expect(readLogTime("08:05:12", undefined, "Asia/Jakarta")).toBe("no_date");
    expect(readLogTime("08:05:12", "", "Asia/Jakarta")).toBe("no_date");
    expect(readLogTime("08:05:12", "besok", "Asia/Jakarta")).toBe("unreadable");
  });

  it.each([
    "31/11/2026 08:05",
    "2026-02-29 08:05",
    "2026-11-30 24:00",
    "2026-11-30 08:60",
    "2026-13-30T08:05:12+07:00",
    "2026-02-30T08:05:12Z",
    "2026-11-30T25:05:12Z",
    "13:05 PM",
    "11/30/2026 08:05",
    "pagi",
    "08:05:12 kemarin",
    "123",
  ])("cannot read %j", (cell) => {
    expect(readLogTime(cell, "2026-11-30", "Asia/Jakarta")).toBe("unreadable");
  });

  it("gives null for an empty cell", () => {
    expect(readLogTime("  ", "2026-11-30", "Asia/Jakarta")).toBeNull();
  });
});

describe("xlsxLogCell", () => {
  it("writes a date cell as its wall-clock time, a time-only cell as the time, the rest as text", () => {
    expect(xlsxLogCell(new Date(Date.UTC(2026, 10, 30, 8, 5, 12)))).toBe("2026-11-30 08:05:12");
    expect(xlsxLogCell(new Date(Date.UTC(1899, 11, 30, 8, 5, 12)))).toBe("08:05:12");
    // Serial numbers are floating point: read-excel-file gives 08:20 as 08:19:59.999.
    expect(xlsxLogCell(new Date(Date.UTC(2026, 11, 1, 8, 19, 59, 999)))).toBe("2026-12-01 08:20:00");
    expect(xlsxLogCell(12)).toBe("12");
    expect(xlsxLogCell(" A012 ")).toBe("A012");
    expect(xlsxLogCell(null)).toBe("");
    expect(xlsxLogCell(new Date(Number.NaN))).toBe("");
  });
});
