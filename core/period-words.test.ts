import { describe, expect, it } from "vitest";
import { day, month, periodWords } from "./period-words.ts";

describe("periodWords", () => {
  it.each([
    ["2026-11", "November 2026", "November 2026"],
    ["2026-01", "Januari 2026", "January 2026"],
    ["2026-Q1", "Triwulan I 2026", "Q1 2026"],
    ["2026-Q4", "Triwulan IV 2026", "Q4 2026"],
    ["2026-S1", "Semester I 2026", "Semester I 2026"],
    ["2026-S2", "Semester II 2026", "Semester II 2026"],
    ["2026", "Tahun 2026", "Year 2026"],
    ["2026-01-05..2026-02-10", "5 Jan 2026 – 10 Feb 2026", "5 Jan 2026 – 10 Feb 2026"],
    ["2026-08-01..2026-08-31", "1 Agu 2026 – 31 Agu 2026", "1 Aug 2026 – 31 Aug 2026"],
  ])("writes %s as %j in Bahasa Indonesia and %j in English", (label, id, en) => {
    expect(periodWords(label, "id")).toBe(id);
    expect(periodWords(label, "en")).toBe(en);
  });

  it.each(["2026-Q5", "2026-S3", "26", "semester"])("gives %j back as it is, not as a wrong period", (label) => {
    expect(periodWords(label, "id")).toBe(label);
  });
});

describe("month and day", () => {
  it("write a month long or short and a day with its short month", () => {
    expect(month("2026-08", "id", true)).toBe("Agu 2026");
    expect(month("2026-08", "en", true)).toBe("Aug 2026");
    expect(day("2026-12-31", "id")).toBe("31 Des 2026");
  });
});
