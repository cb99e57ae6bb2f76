/**
 * Volume and speed of a group of visits (docs/scoring.md, "Volume and speed"): visits served,
 * rated, the response rate, the median and 90th percentile of waiting and service time, each
 * with its n, and whether there are enough visits to show them. Pure: the API, the CSV and the
 * tests read the same figures from summed rollups (db/queries/visit-rollups.ts).
 */
import { MIN_VISITS, percentileMinutes, responseRate } from "./visits.ts";

/** Summed visit rollups of a group: counts and the histograms of its times (per TIME_BUCKETS bucket). */
export interface VisitHistograms {
  visits: number;
  rated: number;
  flagged: number;
  wait: readonly number[];
  service: readonly number[];
}

/** One kind of time of a group: its n, and its median and 90th percentile in minutes once n reaches MIN_VISITS. */
export interface TimeFigures {
  /** Visits whose time is known (both of its ends were sent and in order). */
  n: number;
  /** n ≥ MIN_VISITS: below it no percentile is shown ("data belum cukup"). */
  enough: boolean;
  median: number | null;
  p90: number | null;
}

/** Volume of a group: what is shown for a group whose visits mix services (an officer's, a counter's). */
export interface VolumeFigures {
  /** Counted visits (flagged ones left out). */
  visits: number;
  /** Counted visits a rating joined. */
  rated: number;
  /** Visits kept but flagged implausible: not in any other figure. */
  flagged: number;
  /** visits ≥ MIN_VISITS: below it no response rate is shown. */
  enough: boolean;
  /** rated ÷ visits (0–1), null when not enough. */
  responseRate: number | null;
}

/** Volume and speed of a group of visits of one service. */
export interface IndicatorFigures extends VolumeFigures {
  waitTime: TimeFigures;
  serviceTime: TimeFigures;
}

const sum = (histogram: readonly number[]) => histogram.reduce((a, b) => a + b, 0);

/** The median and p90 of a histogram of times, withheld below `min` known times. */
export function timeFigures(histogram: readonly number[], min = MIN_VISITS): TimeFigures {
  const n = sum(histogram);
  const enough = n >= min;
  return {
    n,
    enough,
    median: enough ? percentileMinutes(histogram, 50) : null,
    p90: enough ? percentileMinutes(histogram, 90) : null,
  };
}

/** A group's volume: the response rate withheld below `min` counted visits. */
export function volumeFigures(sums: VisitHistograms, min = MIN_VISITS): VolumeFigures {
  const enough = sums.visits >= min;
  return {
    visits: sums.visits,
    rated: sums.rated,
    flagged: sums.flagged,
    enough,
    responseRate: enough ? responseRate(sums.rated, sums.visits) : null,
  };
}

/** A group's volume and speed (of one service: times of different services are never mixed for people). */
export function indicatorFigures(sums: VisitHistograms, min = MIN_VISITS): IndicatorFigures {
  return {
    ...volumeFigures(sums, min),
    waitTime: timeFigures(sums.wait, min),
    serviceTime: timeFigures(sums.service, min),
  };
}
