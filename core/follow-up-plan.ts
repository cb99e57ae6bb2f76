/**
 * The follow-up plan's rules (docs/scoring.md, "Follow-up plan"): which elements an SKM report
 * proposes as priorities, which period's plan a report looks back on, and the plan's bounds.
 * Pure and without zod, so the API, the seed and the dashboard share one copy.
 */
import { ELEMENT_IDS, type ElementId } from "./questionnaire.ts";
import { bandOf, type Mutu } from "./scoring.ts";

/** How many of the lowest NRR a report proposes, before the elements below band C are added. */
export const LOWEST_PROPOSED = 3;

/** Where an RTL item stands (the column's values, db/schema/follow-ups.ts). */
export const FOLLOW_UP_STATES = ["planned", "in_progress", "done"] as const;
/** Where an RTL item stands. */
export type FollowUpStatus = (typeof FOLLOW_UP_STATES)[number];

/** The longest program/kegiatan and note, and the longest person responsible (a name with a post). */
export const FOLLOW_UP_LIMITS = { action: 500, note: 500, responsible: 120 } as const;

/** An element's figures as a report gives them (NRR and its score; null without answers). */
export interface ElementNrr {
  nrr: number | null;
  score: number | null;
}

/** An element the report proposes for the follow-up plan, and why. */
export interface PriorityElement {
  element: ElementId;
  nrr: number;
  score: number;
  mutu: Mutu;
  /** Among the lowest three NRR (ties with the third included). */
  lowest: boolean;
  /** Its score is below band C (band D, under 65). */
  belowC: boolean;
}

/**
 * The priority elements of a period, lowest NRR first: the three lowest NRR (an element tied with
 * the third is proposed too: nothing tells them apart) and every element below band C, whatever
 * its rank. Elements without answers have no NRR and are not proposed. Ties keep the regulation's
 * element order. Ranked on the report's own figures, so the plan names what the reader sees.
 */
export function priorityElements(elements: Record<ElementId, ElementNrr>): PriorityElement[] {
  const scored = ELEMENT_IDS.flatMap((element) => {
    const { nrr, score } = elements[element];
    return nrr === null || score === null ? [] : [{ element, nrr, score }];
  }).sort((a, b) => a.nrr - b.nrr);
  const third = scored[Math.min(LOWEST_PROPOSED, scored.length) - 1]?.nrr ?? Number.NEGATIVE_INFINITY;
  return scored.flatMap(({ element, nrr, score }) => {
    const mutu = bandOf(score).mutu;
    const lowest = nrr <= third;
    const belowC = mutu === "D";
    return lowest || belowC ? [{ element, nrr, score, mutu, lowest, belowC }] : [];
  });
}

/**
 * The named period before another of the same kind, whose plan a report looks back on:
 * 2026-S2 → 2026-S1, 2026-Q1 → 2025-Q4, 2026-01 → 2025-12, 2026 → 2025. Null for anything else.
 */
export function previousPeriod(label: string): string | null {
  let m = /^(\d{4})$/.exec(label);
  if (m) return String(Number(m[1]) - 1);
  m = /^(\d{4})-(S|Q)(\d)$/.exec(label);
  if (m) {
    const [year, kind, n] = [Number(m[1]), m[2], Number(m[3])];
    const last = kind === "S" ? 2 : 4;
    return n > 1 ? `${year}-${kind}${n - 1}` : `${year - 1}-${kind}${last}`;
  }
  m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    return month > 1 ? `${year}-${String(month - 1).padStart(2, "0")}` : `${year - 1}-12`;
  }
  return null;
}

/** True for a plan's time: a month (`2027-01`) or a quarter (`2027-Q1`) of 2000–2100. */
export function isDue(text: string): boolean {
  const m = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/.exec(text);
  return m !== null && Number(m[1]) >= 2000 && Number(m[1]) <= 2100;
}

/** The quarter after a named period ends: the time a new plan's form starts at (2026-S2 → 2027-Q1). */
export function nextQuarter(periodEnd: string): string {
  const [year, month] = [Number(periodEnd.slice(0, 4)), Number(periodEnd.slice(5, 7))];
  const quarter = Math.ceil(month / 3);
  return quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`;
}
