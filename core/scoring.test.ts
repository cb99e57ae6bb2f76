import { describe, expect, it } from "vitest";
import { ELEMENT_IDS, type ElementId } from "./questionnaire.ts";
import {
  bandOf,
  computeIkm,
  elementFigures,
  emptyStat,
  ikmStanding,
  KREJCIE_MORGAN_TABLE,
  krejcieMorganFormula,
  LARGE_POPULATION_SAMPLE,
  officerIndicator,
  quickIndex,
  roundNrr,
  type Stat,
  sampleSize,
  toScale,
  wilsonInterval,
} from "./scoring.ts";

/** Stats of n respondents whose answers add up to `total`, as evenly spread as 1–4 allows. */
function statOf(total: number, n: number): Stat {
  const base = Math.floor(total / n);
  const high = total - base * n;
  return { n, sum: total, sumSq: high * (base + 1) ** 2 + (n - high) * base ** 2 };
}

const WORKED_TOTALS = [105, 101, 100, 116, 102, 105, 106, 105, 115];
const worked = () =>
  Object.fromEntries(ELEMENT_IDS.map((id, i) => [id, statOf(WORKED_TOTALS[i], 29)])) as Record<ElementId, Stat>;

describe("computeIkm", () => {
  it("reproduces the published worked example: 91.48, A, Sangat Baik; 90.56 with 0.11", () => {
    const ikm = computeIkm(worked());
    expect(ikm).toMatchObject({ value: 91.48, mutu: "A", value011: 90.56 });
    expect(ikm?.method).toMatch(/1\/9 × 25.*PermenPANRB 14\/2017/);
    expect(ikm?.value011Method).toMatch(/0\.11.*comparison/);
    expect(ikm?.kinerja).toBe("Sangat Baik");
  });

  it("averages each element over the respondents who answered it", () => {
    const elements = worked();
    elements.biaya = { n: 10, sum: 40, sumSq: 160 }; // 10 people answered biaya, all "Gratis"
    elements.waktu = { n: 40, sum: 80, sumSq: 160 }; // 40 answered waktu, all 2
    const nrrs = ELEMENT_IDS.map((id) => elements[id].sum / elements[id].n);
    const expected = Math.round((nrrs.reduce((a, b) => a + b) / 9) * 25 * 100) / 100;
    expect(computeIkm(elements)?.value).toBe(expected);
    expect(expected).not.toBe(91.48);
  });

  it("refuses to invent an IKM when an element has no answers", () => {
    const elements = worked();
    elements.pengaduan = { n: 0, sum: 0, sumSq: 0 };
    expect(computeIkm(elements)).toBeNull();
  });
});

describe("rounding", () => {
  it("puts a 1–4 mean on the 25–100 scale at 2 decimals, a half up (75.005 is 75.01)", () => {
    expect(toScale(3.0002)).toBe(75.01);
    expect(toScale(105 / 29)).toBe(90.52);
  });

  it("gives an element's NRR at 4 decimals and its score from the unrounded NRR at 2", () => {
    expect(roundNrr(105 / 29)).toBe(3.6207);
    expect(elementFigures(statOf(101, 29))).toEqual({ n: 29, nrr: 3.4828, score: 87.07 });
    // 16669 / 5556 = 3.00018: NRR 3.0002, but its score is 75.0045 → 75.00, not 3.0002 × 25 = 75.005 → 75.01.
    expect(elementFigures({ n: 5556, sum: 16669, sumSq: 0 })).toEqual({ n: 5556, nrr: 3.0002, score: 75 });
    expect(elementFigures(emptyStat())).toEqual({ n: 0, nrr: null, score: null });
  });
});

describe("bandOf", () => {
  it.each([
    [25, "D"],
    [64.99, "D"],
    [64.994, "D"],
    [64.995, "C"],
    [65.0, "C"],
    [76.6, "C"],
    [76.61, "B"],
    [88.3, "B"],
    [88.31, "A"],
    [100, "A"],
  ])("classifies %s as %s", (value, mutu) => {
    expect(bandOf(value).mutu).toBe(mutu);
  });

  it("labels the bands as the regulation does", () => {
    expect([25, 70, 80, 90].map((v) => bandOf(v).kinerja.id)).toEqual([
      "Tidak Baik",
      "Kurang Baik",
      "Baik",
      "Sangat Baik",
    ]);
  });
});

describe("quickIndex", () => {
  it("is the mean face × 25 with the same bands", () => {
    expect(quickIndex({ n: 4, sum: 14, sumSq: 50 })).toEqual({ n: 4, index: 87.5, band: "B" });
  });
  it("is empty without faces", () => {
    expect(quickIndex({ n: 0, sum: 0, sumSq: 0 })).toEqual({ n: 0, index: null, band: null });
  });
});

describe("officerIndicator", () => {
  it("shrinks toward the unit mean by k and shows no band below the minimum n", () => {
    const result = officerIndicator({ n: 5, sum: 20, sumSq: 80 }, 3, { k: 20, minN: 30 });
    expect(result.index).toBe(100);
    expect(result.fair).toBe(80); // (5·4 + 20·3) / 25 × 25
    expect(result.enough).toBe(false);
    expect(result.band).toBeNull();
  });

  it("gives a band and a 95% interval around the index once n is enough", () => {
    const values = { n: 40, sum: 140, sumSq: 20 * 9 + 20 * 16 }; // twenty 3s, twenty 4s
    const result = officerIndicator(values, 3.25, { k: 20, minN: 30 });
    expect(result.index).toBe(87.5);
    expect(result.fair).toBe(85.42); // (40·3.5 + 20·3.25) / 60 × 25
    expect(result.enough).toBe(true);
    expect(result.band).toBe("B");
    // Wilson on p = (3.5 − 1)/3 = 0.8333 with n = 40: [0.6900, 0.9183] → ×3 + 1 → ×25.
    expect(result.ci95![0]).toBeCloseTo(76.75, 1);
    expect(result.ci95![1]).toBeCloseTo(93.87, 1);
  });

  it("never gives a zero-width interval: 40 ratings all 4 do not prove 100 ± 0", () => {
    const result = officerIndicator({ n: 40, sum: 160, sumSq: 640 }, 3, { minN: 30 });
    expect(result.index).toBe(100);
    expect(result.ci95![0]).toBeCloseTo(93.43, 1);
    expect(result.ci95![1]).toBe(100);
  });

  it("keeps the interval on the 25–100 scale and wide for a single rating", () => {
    expect(officerIndicator({ n: 1, sum: 1, sumSq: 1 }, 3).ci95).toEqual([25, expect.closeTo(84.5, 0)]);
    const [low, high] = wilsonInterval(2.5, 10);
    expect(low).toBeGreaterThan(1);
    expect(high).toBeLessThan(4);
    expect(low).toBeLessThan(2.5);
    expect(high).toBeGreaterThan(2.5);
  });
});

describe("sampleSize (Krejcie & Morgan)", () => {
  it.each([
    [100, 80],
    [500, 217],
    [1000, 278],
    [10_000, 370],
    [75_000, 382],
    [100_000, 384],
    [1_000_000, 384],
  ])("N=%i needs %i respondents", (population, needed) => {
    expect(sampleSize(population)).toBe(needed);
  });

  it("uses the formula between the table's populations", () => {
    expect(sampleSize(12_345)).toBe(krejcieMorganFormula(12_345));
    expect(sampleSize(12_345)).toBe(373);
  });

  it("has a table that the formula reproduces to within one respondent (a typo would show)", () => {
    for (const [population, needed] of KREJCIE_MORGAN_TABLE) {
      expect(Math.abs(krejcieMorganFormula(population) - needed), `N=${population}`).toBeLessThanOrEqual(1);
    }
  });
});

describe("ikmStanding (when an IKM may be called official)", () => {
  it("is official only with an IKM and a sample that reaches the minimum", () => {
    expect(ikmStanding(true, { required: 384, respondents: 384 })).toBe("official");
    expect(ikmStanding(true, { required: 384, respondents: 412 })).toBe("official");
  });

  it("is not official with one respondent short, however good the IKM", () => {
    expect(ikmStanding(true, { required: 384, respondents: 1 })).toBe("sampleShort");
    expect(ikmStanding(true, { required: 384, respondents: 383 })).toBe("sampleShort");
  });

  it("is incomplete without an IKM, whatever the sample", () => {
    expect(ikmStanding(false, { required: 80, respondents: 500 })).toBe("incomplete");
  });

  it("reads a stated population's minimum from the table: 100 service users need 80, not 384", () => {
    expect(ikmStanding(true, { required: sampleSize(100), respondents: 80 })).toBe("official");
    expect(ikmStanding(true, { required: LARGE_POPULATION_SAMPLE, respondents: 80 })).toBe("sampleShort");
    expect(LARGE_POPULATION_SAMPLE).toBe(sampleSize(1_000_000));
  });
});
