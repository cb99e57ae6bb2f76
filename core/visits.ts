/**
 * Visits: one citizen served at a counter, as a queue system knows it (docs/scoring.md,
 * "Volume and speed"). What makes a visit implausible, its waiting and service time, the
 * buckets its times are counted in, and the percentiles read back from those buckets.
 * Pure: ingest, the indicators and the dashboard's import preview apply the same rules.
 */
import { withinHours } from "./hours.ts";
import { localDay, TIMEZONES, type Timezone } from "./period.ts";
import { createWords } from "./words.ts";

/** A visit's four times, ms since the epoch; any may be missing. */
export interface VisitTimes {
  takenAt: number | null;
  calledAt: number | null;
  servedAt: number | null;
  finishedAt: number | null;
}

/** The longest a visit may last, from its first time to its last: a working day. */
export const MAX_VISIT_MS = 12 * 3_600_000;

/** Fewest counted visits an indicator is shown for: below it the page says "data belum cukup". */
export const MIN_VISITS = 30;

export const VISIT_FLAGS = [
  /** Finished before it was served (or called): its service time cannot be true. */
  "finished_before_served",
  /** Called or served before its number was taken: its waiting time cannot be true. */
  "out_of_order",
  /** From its first time to its last longer than a working day (MAX_VISIT_MS). */
  "longer_than_day",
  /** Served outside its counter's service hours. */
  "outside_hours",
] as const;
/** Why a visit is implausible: kept and shown, left out of every indicator. */
export type VisitFlag = (typeof VISIT_FLAGS)[number];

/** Every visit flag in words. */
export const sayVisitFlag = createWords<VisitFlag>({
  id: {
    finished_before_served: "selesai sebelum dilayani",
    out_of_order: "dipanggil sebelum nomor diambil",
    longer_than_day: "lebih lama dari satu hari kerja",
    outside_hours: "di luar jam layanan loket",
  },
  en: {
    finished_before_served: "finished before it was served",
    out_of_order: "called before the number was taken",
    longer_than_day: "longer than a working day",
    outside_hours: "outside the counter's hours",
  },
});

/** When service began: served, else called (many queue machines log only the call). */
const serviceStart = (t: VisitTimes) => t.servedAt ?? t.calledAt;

/**
 * The instant a visit is placed by: when it was served (else called, finished, taken). Its officer
 * is the one on duty then, and its local day is this instant's.
 */
export function visitInstant(t: VisitTimes): number | null {
  return t.servedAt ?? t.calledAt ?? t.finishedAt ?? t.takenAt;
}

/** Waiting time in whole seconds: from taking the number to being called (else served); null when unknown. */
export function waitSeconds(t: VisitTimes): number | null {
  const end = t.calledAt ?? t.servedAt;
  if (t.takenAt === null || end === null || end < t.takenAt) return null;
  return Math.floor((end - t.takenAt) / 1000);
}

/** Service time in whole seconds: from being served (else called) to finished; null when unknown. */
export function serviceSeconds(t: VisitTimes): number | null {
  const start = serviceStart(t);
  if (start === null || t.finishedAt === null || t.finishedAt < start) return null;
  return Math.floor((t.finishedAt - start) / 1000);
}

/** A counter's service hours, as the counters table keeps them. */
export interface CounterHours {
  opensAt: string;
  closesAt: string;
}

/** What is implausible about a visit, in VISIT_FLAGS order; none for a plausible one. */
export function visitFlags(t: VisitTimes, counter: CounterHours | null, timezone: Timezone): VisitFlag[] {
  const flags: VisitFlag[] = [];
  const start = serviceStart(t);
  if (start !== null && t.finishedAt !== null && t.finishedAt < start) flags.push("finished_before_served");
  const called = [t.calledAt, t.servedAt].filter((v): v is number => v !== null);
  if (
    (t.takenAt !== null && called.some((v) => v < t.takenAt!)) ||
    (t.calledAt !== null && t.servedAt !== null && t.servedAt < t.calledAt)
  ) {
    flags.push("out_of_order");
  }
  const times = [t.takenAt, t.calledAt, t.servedAt, t.finishedAt].filter((v): v is number => v !== null);
  if (times.length && Math.max(...times) - Math.min(...times) > MAX_VISIT_MS) flags.push("longer_than_day");
  const served = start ?? t.finishedAt;
  if (counter && served !== null) {
    const local = new Date(served + TIMEZONES[timezone] * 3_600_000).toISOString().slice(11, 16);
    if (!withinHours(local, counter.opensAt, counter.closesAt)) flags.push("outside_hours");
  }
  return flags;
}

/**
 * The upper bound, in minutes, of each bucket times are counted in: whole minutes up to half an
 * hour, 5 minutes up to 2 hours, half hours up to a working day. A time goes to the first bucket
 * whose bound it does not exceed, so a percentile is read to that resolution, rounded up.
 */
export const TIME_BUCKETS: readonly number[] = [
  ...Array.from({ length: 31 }, (_, i) => i),
  ...Array.from({ length: 18 }, (_, i) => 35 + 5 * i),
  ...Array.from({ length: 20 }, (_, i) => 150 + 30 * i),
];

/** The bucket (index into TIME_BUCKETS) of a time in seconds; longer than the last bound goes to the last. */
export function timeBucket(seconds: number): number {
  const minutes = seconds / 60;
  let lo = 0;
  let hi = TIME_BUCKETS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (TIME_BUCKETS[mid] >= minutes) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A time in seconds rounded up to its bucket's bound, in minutes: what an indicator shows of it. */
export const roundedMinutes = (seconds: number) => TIME_BUCKETS[timeBucket(seconds)];

/**
 * The p-th percentile (0 < p ≤ 100) of the times counted in a histogram (counts per TIME_BUCKETS
 * bucket), in minutes, by nearest rank: the smallest bound with at least p% of the times at or
 * under it. Null for an empty histogram. Rounding up to a bucket keeps order, so this equals the
 * nearest-rank percentile of the exact times, rounded up the same way (visits.test.ts).
 */
export function percentileMinutes(histogram: readonly number[], p: number): number | null {
  const n = histogram.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i];
    if (seen >= rank) return TIME_BUCKETS[i];
  }
  return TIME_BUCKETS[TIME_BUCKETS.length - 1];
}

/**
 * What a visit's row keeps beside its times: when service began, the buckets of its waiting and
 * service time, its local day, its flags and whether it counts. Ingest and the demo data both make
 * rows with this, so a seeded visit is one the API would have stored.
 */
export function visitMeasures(t: VisitTimes, counter: CounterHours | null, timezone: Timezone) {
  const wait = waitSeconds(t);
  const service = serviceSeconds(t);
  const flags = visitFlags(t, counter, timezone);
  return {
    startedAt: serviceStart(t),
    waitBucket: wait === null ? null : timeBucket(wait),
    serviceBucket: service === null ? null : timeBucket(service),
    day: localDay(visitInstant(t) ?? 0, timezone),
    flags,
    counted: flags.length === 0,
  };
}

/** The response rate: rated visits ÷ visits, 0–1; null without visits. */
export const responseRate = (rated: number, visits: number) => (visits > 0 ? rated / visits : null);

/** A rated visit's buckets, as stored. */
export interface VisitBuckets {
  waitBucket: number | null;
  serviceBucket: number | null;
}

/**
 * The waiting and service time of the visit a rating joined, in minutes rounded up to their bucket
 * (as the indicators read them), for a reader beside the citizen's comment; null without a visit.
 */
export const visitMinutes = (visit: VisitBuckets | null) =>
  visit === null
    ? null
    : {
        waitMinutes: visit.waitBucket === null ? null : TIME_BUCKETS[visit.waitBucket],
        serviceMinutes: visit.serviceBucket === null ? null : TIME_BUCKETS[visit.serviceBucket],
      };
