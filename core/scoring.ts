/**
 * SKM scoring as PermenPANRB 14/2017 defines it, plus Suara's per-officer
 * indicator. Pure functions over running sums, so a score for any period can
 * be computed from daily rollups instead of individual ratings.
 */
import { ELEMENT_IDS, type ElementId, type Localized } from "./questionnaire.ts";

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

/** The service quality grade (mutu pelayanan) of the regulation's conversion table. */
export type Mutu = "A" | "B" | "C" | "D";

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

/** The weighting method of an IKM figure. */
export type IkmMethod = "exact" | "weight-0.11";

/** The unit's IKM: the converted value, its grade and performance label. */
export interface Ikm {
  /** Converted IKM (25–100), rounded to 2 decimals, with the exact 1/9 weight. */
  value: number;
  mutu: Mutu;
  /** The unit's performance in the regulation's words ("Sangat Baik"); BANDS has the English. */
  kinerja: string;
  method: "exact";
  /** The same data with the 0.11 weight many agency spreadsheets use (caps at 99), for comparison. */
  value011: number;
}

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
  const converted = (total / ELEMENT_IDS.length) * 25;
  const band = bandOf(converted);
  return {
    value: round2(converted),
    mutu: band.mutu,
    kinerja: band.kinerja.id,
    method: "exact",
    value011: round2(total * 0.11 * 25),
  };
}

/** Elements that have no answers (why an IKM could not be computed). */
export const missingElements = (elements: Record<ElementId, Stat>): ElementId[] =>
  ELEMENT_IDS.filter((id) => elements[id].n === 0);

/** The quick index of the kiosk's one-tap faces: mean × 25, never the official IKM. */
export interface QuickIndex {
  n: number;
  index: number | null;
  band: Mutu | null;
}

/** Mean face (1–4) × 25 with the same bands, or nulls without faces. */
export function quickIndex(faces: Stat): QuickIndex {
  if (faces.n === 0) return { n: 0, index: null, band: null };
  const index = (faces.sum / faces.n) * 25;
  return { n: faces.n, index: round2(index), band: bandOf(index).mutu };
}

/** Settings of the officer indicator. */
export interface OfficerIndicatorOptions {
  /** Weight of the unit mean in the fair score, in ratings (default 20). */
  k?: number;
  /** Ratings needed before a band is shown (default 30). */
  minN?: number;
}

/** One officer's indicator; index, ci95 and fair are on the 25–100 scale. */
export interface OfficerIndicator {
  n: number;
  index: number | null;
  ci95: [number, number] | null;
  fair: number | null;
  band: Mutu | null;
  enough: boolean;
}

/**
 * The per-officer indicator from the values of the ratings attributed to the
 * officer (a face, or the mean of kompetensi and perilaku). The fair score
 * shrinks the officer's mean toward the unit mean, (n·mean + k·unitMean)/(n + k),
 * so that a few unlucky ratings do not brand anyone; the band is the fair
 * score's. Below minN no band is shown ("data belum cukup").
 * The 95% interval uses the normal approximation, which is sound from minN = 30.
 */
export function officerIndicator(
  values: Stat,
  unitMean: number | null,
  { k = 20, minN = 30 }: OfficerIndicatorOptions = {},
): OfficerIndicator {
  const enough = values.n >= minN;
  if (values.n === 0) return { n: 0, index: null, ci95: null, fair: null, band: null, enough };
  const mean = values.sum / values.n;
  const variance = values.n > 1 ? Math.max(0, (values.sumSq - values.n * mean * mean) / (values.n - 1)) : 0;
  const halfWidth = values.n > 1 ? 1.96 * Math.sqrt(variance / values.n) : 3;
  const clamp = (x: number) => Math.min(100, Math.max(25, x));
  const prior = unitMean ?? mean;
  const fair = ((values.n * mean + k * prior) / (values.n + k)) * 25;
  return {
    n: values.n,
    index: round2(mean * 25),
    ci95: [round2(clamp((mean - halfWidth) * 25)), round2(clamp((mean + halfWidth) * 25))],
    fair: round2(fair),
    band: enough ? bandOf(fair).mutu : null,
    enough,
  };
}

/**
 * Krejcie & Morgan (1970) sample size for a population of n:
 * S = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)), χ² = 3.841, P = 0.5, d = 0.05.
 */
export function sampleSize(population: number): number {
  if (population <= 0) return 0;
  const chi = 3.841;
  const p = 0.5;
  const d = 0.05;
  return Math.round((chi * population * p * (1 - p)) / (d * d * (population - 1) + chi * p * (1 - p)));
}
