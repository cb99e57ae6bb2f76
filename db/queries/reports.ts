/**
 * SKM reports and officer scores, computed from daily rollups (never from
 * individual ratings) with the rules of core/scoring.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Period } from "../../core/period.ts";
import { ELEMENT_IDS, type ElementId } from "../../core/questionnaire.ts";
import type { OfficerScore, Report, Summary } from "../../core/score-responses.ts";
import {
  computeIkm,
  elementFigures,
  emptyStat,
  LARGE_POPULATION_SAMPLE,
  missingElements,
  OFFICER_ELEMENTS,
  type OfficerIndicatorOptions,
  officerIndicator,
  quickIndex,
  type Stat,
  sampleSize,
  toScale,
} from "../../core/scoring.ts";
import type { Db } from "../client.ts";
import { counters, officers, services } from "../schema.ts";
import { ANSWERED_ANY, addSums, emptySums, type RollupGroup, type RollupSums, readRollups } from "./rollups.ts";

/** The SKM figures of summed rollups, by the rules of core/scoring. */
function summarize(sums: RollupSums): Summary {
  const elementStats = Object.fromEntries(ELEMENT_IDS.map((e) => [e, sums.stats[e]])) as Record<ElementId, Stat>;
  return {
    respondents: sums.respondents,
    taps: sums.ratings - sums.respondents,
    elements: Object.fromEntries(ELEMENT_IDS.map((e) => [e, elementFigures(elementStats[e])])) as Summary["elements"],
    ikm: computeIkm(elementStats),
    missingElements: missingElements(elementStats),
    quick: quickIndex(sums.stats.overall),
  };
}

function groupSums(groups: RollupGroup[], key: (g: RollupGroup) => string): Map<string, RollupSums> {
  const out = new Map<string, RollupSums>();
  for (const group of groups) {
    const k = key(group);
    out.set(k, addSums(out.get(k) ?? emptySums(), group));
  }
  return out;
}

/**
 * The mean a fair score is shrunk toward: the officer indicator over the unit's ratings that
 * count for an officer. Ratings no colleague can be credited with (widget ratings, tickets an
 * officer made for themself) stay out of it, so no one moves every officer's fair score by
 * rating themselves (docs/design.md, "Who vouches").
 */
const unitMean = (groups: RollupGroup[]) => {
  let n = 0;
  let sum = 0;
  for (const g of groups) {
    if (g.officerId === "") continue;
    n += g.stats.officer.n;
    sum += g.stats.officer.sum;
  }
  return n > 0 ? sum / n : null;
};

/** Settings of a report. */
export interface ReportOptions extends OfficerIndicatorOptions {
  /** Service users in the period, for the Krejcie–Morgan sample size; unknown means a large population. */
  population?: number;
  /** Who stated `population` and when, when it is the agency's stated one (not the report's `population=`). */
  stated?: { by: string | null; at: number };
}

/** The SKM report of an agency for a period: overall, per service, per counter and per officer (the route names the agency). */
export async function agencyReport(
  db: Db,
  agencyId: string,
  period: Period,
  options: ReportOptions = {},
): Promise<Omit<Report, "agency">> {
  const [groups, months] = await Promise.all([
    readRollups(db, { agencyId, from: period.from, to: period.to }, ["service", "counter", "officer"]),
    readRollups(db, { agencyId, from: period.from, to: period.to }, ["month"]),
  ]);
  const total = groups.reduce((acc, g) => addSums(acc, g), emptySums());
  const mean = unitMean(groups);
  const [serviceRows, counterRows, officerRows] = await Promise.all([
    db.select().from(services).where(eq(services.agencyId, agencyId)),
    db.select().from(counters).where(eq(counters.agencyId, agencyId)),
    db.select().from(officers).where(eq(officers.agencyId, agencyId)),
  ]);
  const byService = [...groupSums(groups, (g) => g.serviceId)].map(([id, sums]) => {
    const service = serviceRows.find((s) => s.id === id);
    return { service: service?.slug ?? id, name: service?.name ?? id, ...summarize(sums) };
  });
  const byCounter = [...groupSums(groups, (g) => g.counterId)]
    .filter(([id]) => id !== "")
    .map(([id, sums]) => {
      const counter = counterRows.find((c) => c.id === id);
      return { counter: counter?.code ?? id, name: counter?.name ?? id, ...summarize(sums) };
    });
  const byOfficer = [...groupSums(groups, (g) => g.officerId)]
    .filter(([id]) => id !== "")
    .map(([id, sums]) => ({
      officer: id,
      name: officerRows.find((o) => o.id === id)?.name ?? id,
      ...officerIndicator(sums.stats.officer, mean, options),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const required = options.population ? sampleSize(options.population) : LARGE_POPULATION_SAMPLE;
  return {
    period,
    ...summarize(total),
    sampleSize: {
      population: options.population ?? null,
      populationSource: options.stated ? "stated" : options.population ? "query" : null,
      statedBy: options.stated?.by ?? null,
      statedAt: options.stated ? new Date(options.stated.at).toISOString() : null,
      required,
      respondents: total.respondents,
      shortfall: Math.max(0, required - total.respondents),
    },
    trend: months
      .sort((a, b) => a.month.localeCompare(b.month))
      .map((m) => {
        const { respondents, taps, quick, ikm } = summarize(m);
        return { month: m.month, respondents, taps, quick, ikm };
      }),
    byService: byService.sort((a, b) => a.service.localeCompare(b.service)),
    byCounter: byCounter.sort((a, b) => a.counter.localeCompare(b.counter)),
    byOfficer,
  };
}

/** An agency's unit figures for a period (respondents, taps, IKM, quick index), from one rollup read. */
export async function agencySummary(db: Db, agencyId: string, period: Period): Promise<Summary> {
  const [total] = await readRollups(db, { agencyId, from: period.from, to: period.to });
  return summarize(total ?? emptySums());
}

/** The public face of a report: the unit's aggregates only, no officer data. */
export async function publicSummary(db: Db, agencyId: string, period: Period) {
  const total = await agencySummary(db, agencyId, period);
  const serviceGroups = await readRollups(db, { agencyId, from: period.from, to: period.to }, ["service"]);
  const serviceRows = await db
    .select()
    .from(services)
    .where(
      and(
        eq(services.agencyId, agencyId),
        inArray(
          services.id,
          serviceGroups.map((g) => g.serviceId),
        ),
      ),
    );
  return {
    period,
    ...total,
    byService: serviceGroups.map((g) => {
      const service = serviceRows.find((s) => s.id === g.serviceId);
      return { service: service?.slug ?? "", name: service?.name ?? "", ...summarize(g) };
    }),
  };
}

/** An officer's indicator for a period, with a month-by-month trend. */
export async function officerScore(
  db: Db,
  officer: { id: string; agencyId: string },
  period: Period,
  options: OfficerIndicatorOptions = {},
) {
  const unitMonths = await readRollups(db, { agencyId: officer.agencyId, from: period.from, to: period.to }, [
    "officer",
    "month",
  ]);
  const unit = unitMonths.length ? unitMonths.reduce((acc, g) => addSums(acc, g), emptySums()) : undefined;
  const months = await readRollups(db, { officerId: officer.id, from: period.from, to: period.to }, ["month"]);
  const mean = unitMean(unitMonths);
  // Each month of the trend is shrunk toward its own month's unit mean, so a month reads the same
  // in the trend of a semester or a year as in that month's own view (docs/scoring.md, "The officer indicator").
  const meanOf = (month: string) => unitMean(unitMonths.filter((g) => g.month === month));
  const own = months.reduce((acc, g) => addSums(acc, g), emptySums());
  const figures = (sums: RollupSums | undefined) =>
    Object.fromEntries(
      OFFICER_ELEMENTS.map((e) => [e, elementFigures(sums?.stats[e] ?? emptyStat())]),
    ) as OfficerScore["elements"];
  return {
    period,
    officer: officer.id,
    ...officerIndicator(own.stats.officer, mean, options),
    unitIndex: mean === null ? null : toScale(mean),
    /** How many of the officer's counted ratings chose each face, 1 to 4. */
    faces: own.faces,
    /** The two elements about the officer (docs/scoring.md, "Elements"): theirs and the unit's. */
    elements: figures(own),
    unitElements: figures(unit),
    trend: months
      .sort((a, b) => a.month.localeCompare(b.month))
      .map((g) => ({ month: g.month, ...officerIndicator(g.stats.officer, meanOf(g.month), options) })),
  };
}

/** Age groups of the respondent profile summary. */
const AGE_GROUPS = [
  ["< 20", 0, 19],
  ["20–29", 20, 29],
  ["30–39", 30, 39],
  ["40–49", 40, 49],
  ["50–59", 50, 59],
  ["≥ 60", 60, 200],
] as const;

/**
 * The respondent profile of a period's SKM respondents (those who answered an element and
 * counted): how many gave each gender, age group, education and occupation, and how many
 * gave none. Read from the ratings of the period (the printed report's table, not a score).
 */
export async function respondentProfile(db: Db, agencyId: string, period: Period) {
  const rows = await db.all<{
    gender: string | null;
    age: number | null;
    education: string | null;
    occupation: string | null;
  }>(
    sql`SELECT json_extract(respondent, '$.gender') AS gender, json_extract(respondent, '$.age') AS age,
               json_extract(respondent, '$.education') AS education, json_extract(respondent, '$.occupation') AS occupation
        FROM ratings
        WHERE agency_id = ${agencyId} AND day BETWEEN ${period.from} AND ${period.to} AND counted = 1
          AND ${sql.raw(ANSWERED_ANY)}`,
  );
  const tally = (values: (string | null)[]) => {
    const out: Record<string, number> = {};
    for (const v of values) out[v ?? "-"] = (out[v ?? "-"] ?? 0) + 1;
    return out;
  };
  return {
    period,
    respondents: rows.length,
    gender: tally(rows.map((r) => r.gender)),
    age: tally(
      rows.map((r) =>
        r.age === null ? null : (AGE_GROUPS.find(([, lo, hi]) => r.age! >= lo && r.age! <= hi)?.[0] ?? null),
      ),
    ),
    education: tally(rows.map((r) => r.education)),
    occupation: tally(rows.map((r) => r.occupation)),
  };
}
