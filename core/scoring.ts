/**
 * SKM scoring as PermenPANRB 14/2017 defines it, plus Suara's per-officer
 * indicator: the one home of these rules (rounding, the officer's elements and
 * value) for the API, the database queries and the front ends. Pure functions
 * over running sums, so a score for any period can be computed from daily
 * rollups instead of individual ratings.
 */
import { ELEMENT_IDS, type ElementId, type Localized } from "./questionnaire.ts";
// The figures' types are the API contract's (z.infer), imported as types only: no zod here.
import type { ElementFigures, Ikm, OfficerIndicator, QuickIndex } from "./score-responses.ts";

/** Running sums of 1–4 answers: how many, their sum, and the sum of their squares. */
export interface Stat {
  n: number;
  sum: number;
  sumSq: number;
}

/** An empty Stat, to add into. */
export const emptyStat = (): Stat => ({ n: 0, sum: 0, sumSq: 0 });

/** Adds b into a (mutating a) and returns a. */
export function addStat(a: Stat, b: Stat): Stat {
  a.n += b.n;
  a.sum += b.sum;
  a.sumSq += b.sumSq;
  return a;
}

/** The service quality grades (mutu pelayanan) of the regulation's conversion table, best first. */
export const MUTU = ["A", "B", "C", "D"] as const;
/** A service quality grade. */
export type Mutu = (typeof MUTU)[number];

/** A band of the conversion table: the grade, its unit performance label and its range. */
export interface Band {
  mutu: Mutu;
  kinerja: Localized;
  /** Lowest converted value (NIK, 25–100) in the band, inclusive. */
  min: number;
  /** Highest converted value in the band, inclusive. */
  max: number;
}

/** The conversion table of PermenPANRB 14/2017 on values converted to 25–100. */
export const BANDS: readonly Band[] = [
  { mutu: "A", kinerja: { id: "Sangat Baik", en: "Very good" }, min: 88.31, max: 100 },
  { mutu: "B", kinerja: { id: "Baik", en: "Good" }, min: 76.61, max: 88.3 },
  { mutu: "C", kinerja: { id: "Kurang Baik", en: "Fair" }, min: 65, max: 76.6 },
  { mutu: "D", kinerja: { id: "Tidak Baik", en: "Poor" }, min: 25, max: 64.99 },
];

/** Rounds to 2 decimals, the precision the regulation classifies on. */
export const round2 = (x: number): number => Math.round(x * 100 + Number.EPSILON * 100) / 100;

/**
 * A 1–4 mean on the 25–100 scale (× 25), rounded to 2 decimals: how every score
 * Suara shows is rounded (the IKM, element scores, the quick and officer indices).
 */
export const toScale = (mean: number): number => round2(mean * 25);

/** Rounds an NRR to 4 decimals, as a report lists it beside its element score. */
export const roundNrr = (nrr: number): number => Math.round(nrr * 10_000) / 10_000;

/**
 * The band of a converted value (25–100). The table's raw NI column has gaps
 * (3.064–3.0644), so the regulation's practice is to classify the converted
 * value rounded to 2 decimals; comparing whole hundredths avoids float drift.
 */
export function bandOf(converted: number): Band {
  const hundredths = Math.round(converted * 100);
  for (const band of BANDS) if (hundredths >= Math.round(band.min * 100)) return band;
  return BANDS[BANDS.length - 1];
}

/** Nilai rata-rata (NRR) of one element: the mean answer, or null without answers. */
export const nrr = (stat: Stat): number | null => (stat.n > 0 ? stat.sum / stat.n : null);

/** An element's figures as reports show them: its n, NRR (roundNrr) and element score (NRR × 25, toScale). */
export function elementFigures(stat: Stat): ElementFigures {
  const value = nrr(stat);
  return { n: stat.n, nrr: value === null ? null : roundNrr(value), score: value === null ? null : toScale(value) };
}

/** How the IKM is computed, in words, as a report states it. */
export const IKM_METHOD =
  "IKM = Σ NRR × 1/9 × 25 over the 9 elements (PermenPANRB 14/2017); NRR = an element's answers summed ÷ its respondents";
/** How the comparison figure is computed: the weight many agency spreadsheets use. */
export const IKM_METHOD_011 =
  "Σ NRR × 0.11 × 25: the weight many agency spreadsheets use (it caps the score at 99), for comparison only";

/**
 * IKM = Σ NRR_i × 1/9 × 25 over the nine elements (PermenPANRB 14/2017, Lampiran).
 * Each element is averaged over the respondents who answered it. Returns null when
 * any element has no answers: the rule needs all nine, so none is invented.
 */
export function computeIkm(elements: Record<ElementId, Stat>): Ikm | null {
  let total = 0;
  for (const id of ELEMENT_IDS) {
    const value = nrr(elements[id]);
    if (value === null) return null;
    total += value;
  }
  const mean = total / ELEMENT_IDS.length;
  const band = bandOf(mean * 25);
  return {
    value: toScale(mean),
    mutu: band.mutu,
    // The regulation's words ("Sangat Baik"); BANDS has the English.
    kinerja: band.kinerja.id,
    method: IKM_METHOD,
    value011: round2(total * 0.11 * 25),
    value011Method: IKM_METHOD_011,
  };
}

/** Elements that have no answers (why an IKM could not be computed). */
export const missingElements = (elements: Record<ElementId, Stat>): ElementId[] =>
  ELEMENT_IDS.filter((id) => elements[id].n === 0);

/** The quick index of the kiosk's one-tap faces: mean face (1–4) × 25 with the same bands, never the official IKM; nulls without faces. */
export function quickIndex(faces: Stat): QuickIndex {
  if (faces.n === 0) return { n: 0, index: null, band: null };
  const mean = faces.sum / faces.n;
  return { n: faces.n, index: toScale(mean), band: bandOf(mean * 25).mutu };
}

/** The elements about the officer who served (docs/scoring.md, "Elements": kompetensi and perilaku pelaksana). */
export const OFFICER_ELEMENTS = ["kompetensi", "perilaku"] as const satisfies readonly ElementId[];
/** An element about the officer. */
export type OfficerElementId = (typeof OFFICER_ELEMENTS)[number];

/** What of a rating the officer's value reads: its face and its answers to the officer elements. */
export type OfficerValueInput = { overall: number | null } & Record<OfficerElementId, number | null>;

/**
 * The value one rating gives the officer who served (1–4): its face, or where only
 * the questionnaire was answered, the mean of the officer elements answered (one
 * alone when only one was); null with neither. The rollups sum it in SQL built from
 * OFFICER_ELEMENTS (db/queries/rollups.ts), and a test holds the two equal.
 */
export function officerValue(rating: OfficerValueInput): number | null {
  if (rating.overall !== null) return rating.overall;
  const answered = OFFICER_ELEMENTS.map((e) => rating[e]).filter((v) => v !== null);
  return answered.length ? answered.reduce((a, b) => a + b, 0) / answered.length : null;
}

/** Settings of the officer indicator. */
export interface OfficerIndicatorOptions {
  /** Weight of the unit mean in the fair score, in ratings (default 20). */
  k?: number;
  /** Ratings needed before a band is shown (default 30). */
  minN?: number;
}

/** The officer indicator's settings when none are given (SUARA_SHRINKAGE_K and SUARA_MIN_OFFICER_N default to them). */
export const OFFICER_INDICATOR_DEFAULTS = { k: 20, minN: 30 } as const satisfies Required<OfficerIndicatorOptions>;

/** z for a two-sided 95% interval. */
const Z95 = 1.959964;

/**
 * A 95% interval for a mean on the bounded 1–4 scale: the Wilson score interval on
 * p = (mean − 1) / 3, mapped back to 1–4. Unlike the normal approximation it stays
 * inside the scale and is never zero-width for a finite n (40 ratings all 4 give
 * about [3.74, 4], not 4 ± 0), and it is sound for small n.
 */
export function wilsonInterval(mean: number, n: number): [number, number] {
  const p = Math.min(1, Math.max(0, (mean - 1) / 3));
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [1 + 3 * Math.max(0, centre - half), 1 + 3 * Math.min(1, centre + half)];
}

/** How the officer interval is computed, in words, for the API's description and reports. */
export const OFFICER_INTERVAL_METHOD = "95% Wilson score interval on (mean − 1) / 3, mapped back to the 25–100 scale";

/**
 * The per-officer indicator from the values of the ratings attributed to the
 * officer (officerValue: a face, or the mean of the officer elements). The fair score
 * shrinks the officer's mean toward the unit mean, (n·mean + k·unitMean)/(n + k),
 * so that a few unlucky ratings do not brand anyone; the band is the fair
 * score's. Below minN no band is shown ("data belum cukup"). The interval is
 * wilsonInterval's.
 */
export function officerIndicator(
  values: Stat,
  unitMean: number | null,
  { k = OFFICER_INDICATOR_DEFAULTS.k, minN = OFFICER_INDICATOR_DEFAULTS.minN }: OfficerIndicatorOptions = {},
): OfficerIndicator {
  const enough = values.n >= minN;
  if (values.n === 0) return { n: 0, index: null, ci95: null, fair: null, band: null, enough };
  const mean = values.sum / values.n;
  const [low, high] = wilsonInterval(mean, values.n);
  const prior = unitMean ?? mean;
  const fair = (values.n * mean + k * prior) / (values.n + k);
  return {
    n: values.n,
    index: toScale(mean),
    ci95: [toScale(low), toScale(high)],
    fair: toScale(fair),
    band: enough ? bandOf(fair * 25).mutu : null,
    enough,
  };
}

/**
 * Krejcie & Morgan (1970), Table 1: the required sample S for the populations it
 * lists. Where the table lists the population its value stands (docs/scoring.md, "Sample size"); it
 * differs from the formula at 100,000 (384, the formula gives 383).
 */
// biome-ignore format: the published table, ten entries a line
export const KREJCIE_MORGAN_TABLE: ReadonlyMap<number, number> = new Map([
  [10, 10], [15, 14], [20, 19], [25, 24], [30, 28], [35, 32], [40, 36], [45, 40], [50, 44], [55, 48],
  [60, 52], [65, 56], [70, 59], [75, 63], [80, 66], [85, 70], [90, 73], [95, 76], [100, 80], [110, 86],
  [120, 92], [130, 97], [140, 103], [150, 108], [160, 113], [170, 118], [180, 123], [190, 127], [200, 132],
  [210, 136], [220, 140], [230, 144], [240, 148], [250, 152], [260, 155], [270, 159], [280, 162], [290, 165],
  [300, 169], [320, 175], [340, 181], [360, 186], [380, 191], [400, 196], [420, 201], [440, 205], [460, 210],
  [480, 214], [500, 217], [550, 226], [600, 234], [650, 242], [700, 248], [750, 254], [800, 260], [850, 265],
  [900, 269], [950, 274], [1000, 278], [1100, 285], [1200, 291], [1300, 297], [1400, 302], [1500, 306],
  [1600, 310], [1700, 313], [1800, 317], [1900, 320], [2000, 322], [2200, 327], [2400, 331], [2600, 335],
  [2800, 338], [3000, 341], [3500, 346], [4000, 351], [4500, 354], [5000, 357], [6000, 361], [7000, 364],
  [8000, 367], [9000, 368], [10000, 370], [15000, 375], [20000, 377], [30000, 379], [40000, 380], [50000, 381],
  [75000, 382], [100000, 384], [1000000, 384],
]);

/**
 * Krejcie & Morgan (1970) sample size for a population of n: the table's value
 * where it lists n, else S = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)), χ² = 3.841,
 * P = 0.5, d = 0.05, rounded to nearest.
 */
export function sampleSize(population: number): number {
  if (population <= 0) return 0;
  const listed = KREJCIE_MORGAN_TABLE.get(population);
  if (listed !== undefined) return listed;
  return krejcieMorganFormula(population);
}

/** The Krejcie–Morgan formula alone, rounded to nearest. */
export function krejcieMorganFormula(population: number): number {
  const chi = 3.841;
  const p = 0.5;
  const d = 0.05;
  return Math.round((chi * population * p * (1 - p)) / (d * d * (population - 1) + chi * p * (1 - p)));
}

/** The sample a large or unknown population needs (Krejcie & Morgan's 384), used until a population is stated. */
export const LARGE_POPULATION_SAMPLE = 384;

/**
 * The largest population one may state: more than the people of any province (Jawa Barat, the
 * largest, about 50 million), so a typing slip of extra digits is refused; from a million on the
 * table's sample is 384 whatever the number.
 */
export const POPULATION_MAX = 100_000_000;

/** How an IKM may be labelled: official only with all 9 elements answered and the sample adequate. */
export type IkmStanding = "official" | "sampleShort" | "incomplete";

/**
 * Whether an IKM may be called official ("Resmi"): it needs all 9 elements answered
 * (an IKM at all) and a sample that reaches the Krejcie–Morgan minimum for the
 * period's population (docs/scoring.md, "Sample size"). A label that says "Resmi"
 * beside an IKM of one respondent invites the misreading issue 19 saw.
 */
export function ikmStanding(hasIkm: boolean, sample: { required: number; respondents: number }): IkmStanding {
  if (!hasIkm) return "incomplete";
  return sample.respondents >= sample.required ? "official" : "sampleShort";
}
