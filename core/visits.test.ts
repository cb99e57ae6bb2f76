import { describe, expect, it } from "vitest";
import {
  percentileMinutes,
  roundedMinutes,
  serviceSeconds,
  TIME_BUCKETS,
  timeBucket,
  type VisitTimes,
  visitFlags,
  waitSeconds,
} from "./visits.ts";

const at = (hhmmss: string) => Date.parse(`2026-11-30T${hhmmss}+07:00`);
const times = (t: Partial<Record<keyof VisitTimes, string>>): VisitTimes => ({
  takenAt: t.takenAt ? at(t.takenAt) : null,
  calledAt: t.calledAt ? at(t.calledAt) : null,
  servedAt: t.servedAt ? at(t.servedAt) : null,
  finishedAt: t.finishedAt ? at(t.finishedAt) : null,
});
const hours = { opensAt: "08:00", closesAt: "16:00" };

/** The nearest-rank percentile of exact values, computed directly. */
function direct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1];
}

describe("visit times", () => {
  it("waits from the number to the call, serves from the start to the end", () => {
    const t = times({ takenAt: "08:00:00", calledAt: "08:20:30", servedAt: "08:21:00", finishedAt: "08:30:59" });
    expect(waitSeconds(t)).toBe(1230);
    expect(serviceSeconds(t)).toBe(599);
    // Without a call the wait ends at service; without a start of service it begins at the call.
    expect(waitSeconds(times({ takenAt: "08:00:00", servedAt: "08:05:00" }))).toBe(300);
    expect(serviceSeconds(times({ calledAt: "08:05:00", finishedAt: "08:06:00" }))).toBe(60);
    expect(waitSeconds(times({ servedAt: "08:05:00" }))).toBeNull();
  });

  it("flags each implausible shape, and none of a plausible visit", () => {
    const flags = (t: Partial<Record<keyof VisitTimes, string>>) => visitFlags(times(t), hours, "Asia/Jakarta");
    expect(flags({ takenAt: "08:00:00", calledAt: "08:10:00", servedAt: "08:10:30", finishedAt: "08:20:00" })).toEqual(
      [],
    );
    expect(flags({ servedAt: "09:00:00", finishedAt: "08:59:00" })).toEqual(["finished_before_served"]);
    expect(flags({ takenAt: "09:00:00", calledAt: "08:50:00" })).toEqual(["out_of_order"]);
    expect(flags({ calledAt: "09:00:00", servedAt: "08:59:00" })).toEqual(["out_of_order"]);
    expect(
      visitFlags(
        {
          takenAt: at("08:00:00"),
          calledAt: null,
          servedAt: at("09:00:00"),
          finishedAt: at("09:00:00") + 13 * 3_600_000,
        },
        hours,
        "Asia/Jakarta",
      ),
    ).toEqual(["longer_than_day"]);
    expect(flags({ servedAt: "17:00:00" })).toEqual(["outside_hours"]);
    expect(visitFlags(times({ servedAt: "17:00:00" }), null, "Asia/Jakarta")).toEqual([]);
  });
});

describe("percentiles from buckets", () => {
  it("buckets by minute, then 5 minutes, then half hours, rounding up", () => {
    expect(roundedMinutes(0)).toBe(0);
    expect(roundedMinutes(1)).toBe(1);
    expect(roundedMinutes(60)).toBe(1);
    expect(roundedMinutes(61)).toBe(2);
    expect(roundedMinutes(31 * 60)).toBe(35);
    expect(roundedMinutes(121 * 60)).toBe(150);
    expect(roundedMinutes(24 * 3600)).toBe(TIME_BUCKETS.at(-1));
  });

  it("equal the nearest-rank percentile of the exact times, rounded the same way, on random data", () => {
    let seed = 21;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(random() * 400);
      const scale = [120, 900, 5400, 30000][round % 4];
      const values = Array.from({ length: n }, () => Math.floor(random() ** 2 * scale));
      const histogram = TIME_BUCKETS.map(() => 0);
      for (const v of values) histogram[timeBucket(v)]++;
      for (const p of [50, 90]) expect(percentileMinutes(histogram, p)).toBe(roundedMinutes(direct(values, p)));
    }
    expect(
      percentileMinutes(
        TIME_BUCKETS.map(() => 0),
        50,
      ),
    ).toBeNull();
  });
});
