import { describe, expect, it } from "vitest";
import { indicatorFigures, timeFigures, volumeFigures } from "./indicators.ts";
import { MIN_VISITS, TIME_BUCKETS, timeBucket } from "./visits.ts";

/** A histogram of times given in seconds. */
const histogramOf = (seconds: number[]) => {
  const h = TIME_BUCKETS.map(() => 0);
  for (const s of seconds) h[timeBucket(s)]++;
  return h;
};

describe("indicator figures", () => {
  it("withhold the rate and the percentiles below MIN_VISITS, keeping every n", () => {
    const sums = { visits: MIN_VISITS - 1, rated: 10, flagged: 2, wait: histogramOf([60]), service: histogramOf([]) };
    expect(indicatorFigures(sums)).toEqual({
      visits: MIN_VISITS - 1,
      rated: 10,
      flagged: 2,
      enough: false,
      responseRate: null,
      waitTime: { n: 1, enough: false, median: null, p90: null },
      serviceTime: { n: 0, enough: false, median: null, p90: null },
    });
  });

  it("show them from MIN_VISITS on: the rate as rated ÷ visits, times as bucketed nearest ranks", () => {
    const waits = Array.from({ length: MIN_VISITS }, (_, i) => (i + 1) * 60 - 30);
    const figures = indicatorFigures({
      visits: MIN_VISITS,
      rated: 12,
      flagged: 0,
      wait: histogramOf(waits),
      service: histogramOf(waits.slice(1)),
    });
    expect(figures.enough).toBe(true);
    expect(figures.responseRate).toBeCloseTo(12 / MIN_VISITS);
    // 30 waits of 0:30, 1:30 … 29:30: the 15th is 14:30 (15 min), the 27th 26:30 (27 min).
    expect(figures.waitTime).toEqual({ n: MIN_VISITS, enough: true, median: 15, p90: 27 });
    // One known service time short of the minimum: its own n decides, not the visits'.
    expect(figures.serviceTime).toEqual({ n: MIN_VISITS - 1, enough: false, median: null, p90: null });
  });

  it("take a minimum of their own when asked", () => {
    expect(timeFigures(histogramOf([600, 1200]), 2)).toEqual({ n: 2, enough: true, median: 10, p90: 20 });
    expect(volumeFigures({ visits: 4, rated: 1, flagged: 0, wait: [], service: [] }, 4).responseRate).toBe(0.25);
  });
});
