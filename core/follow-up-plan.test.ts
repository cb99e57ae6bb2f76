import { describe, expect, it } from "vitest";
import { isDue, nextQuarter, previousPeriod, priorityElements } from "./follow-up-plan.ts";
import { ELEMENT_IDS, type ElementId } from "./questionnaire.ts";
import { toScale } from "./scoring.ts";

/** Report figures from NRR by element (the others at 3.5; null for no answers). */
const figures = (nrrs: Partial<Record<ElementId, number | null>>) =>
  Object.fromEntries(
    ELEMENT_IDS.map((e) => {
      const nrr = nrrs[e] === undefined ? 3.5 : nrrs[e];
      return [e, { nrr, score: nrr === null ? null : toScale(nrr) }];
    }),
  ) as Record<ElementId, { nrr: number | null; score: number | null }>;

describe("priorityElements", () => {
  it("proposes the three lowest NRR, lowest first, with their band", () => {
    const proposed = priorityElements(figures({ waktu: 3.1, sarana: 2.9, prosedur: 3.2, biaya: 3.3 }));
    expect(proposed.map((p) => [p.element, p.nrr, p.mutu, p.lowest, p.belowC])).toEqual([
      ["sarana", 2.9, "C", true, false],
      ["waktu", 3.1, "B", true, false],
      ["prosedur", 3.2, "B", true, false],
    ]);
  });

  it("adds every element below band C, whatever its rank", () => {
    const proposed = priorityElements(
      figures({ persyaratan: 2.4, prosedur: 2.5, waktu: 2.55, biaya: 2.58, sarana: 3.0 }),
    );
    // 2.58 × 25 = 64.5: band D, so the fourth lowest is proposed too; 3.0 (75, band C) is not.
    expect(proposed.map((p) => p.element)).toEqual(["persyaratan", "prosedur", "waktu", "biaya"]);
    expect(proposed[3]).toMatchObject({ lowest: false, belowC: true, mutu: "D" });
  });

  it("reads the band on the score the report shows: 65.00 is still band C", () => {
    const proposed = priorityElements(figures({ persyaratan: 2.0, prosedur: 2.1, waktu: 2.2, pengaduan: 2.6 }));
    expect(proposed.find((p) => p.element === "pengaduan")).toBeUndefined();
  });

  it("proposes an element tied with the third too, keeping the regulation's order", () => {
    const proposed = priorityElements(figures({ sarana: 3.0, waktu: 3.1, prosedur: 3.2, perilaku: 3.2 }));
    expect(proposed.map((p) => p.element)).toEqual(["sarana", "waktu", "prosedur", "perilaku"]);
  });

  it("leaves out elements without answers, and proposes nothing when no element has any", () => {
    expect(priorityElements(figures({ sarana: null, waktu: 3.0 })).map((p) => p.element)).toEqual([
      "waktu",
      "persyaratan",
      "prosedur",
      "biaya",
      "produk",
      "kompetensi",
      "perilaku",
      "pengaduan",
    ]);
    expect(priorityElements(figures(Object.fromEntries(ELEMENT_IDS.map((e) => [e, null]))))).toEqual([]);
  });
});

describe("previousPeriod", () => {
  it.each([
    ["2026-S2", "2026-S1"],
    ["2026-S1", "2025-S2"],
    ["2026-Q4", "2026-Q3"],
    ["2026-Q1", "2025-Q4"],
    ["2026-11", "2026-10"],
    ["2026-01", "2025-12"],
    ["2026", "2025"],
  ])("%s looks back on %s", (period, previous) => {
    expect(previousPeriod(period)).toBe(previous);
  });

  it("has none for a range", () => {
    expect(previousPeriod("2026-01-01..2026-02-01")).toBeNull();
  });
});

describe("isDue", () => {
  it.each(["2027-01", "2027-12", "2027-Q1", "2027-Q4"])("takes %s", (due) => expect(isDue(due)).toBe(true));
  it.each(["2027-13", "2027-00", "2027-Q5", "2027-S1", "2027", "27-01", "1999-01", "2027-1"])("refuses %s", (due) =>
    expect(isDue(due)).toBe(false),
  );
});

describe("nextQuarter", () => {
  it.each([
    ["2026-12-31", "2027-Q1"],
    ["2026-06-30", "2026-Q3"],
    ["2026-11-30", "2027-Q1"],
  ])("after %s comes %s", (end, next) => expect(nextQuarter(end)).toBe(next));
});
