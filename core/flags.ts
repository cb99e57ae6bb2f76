/**
 * Flags on a rating, and which figures each keeps it out of (docs/scoring.md, "What is left out").
 * `rapid_repeat` and `excluded` never count; `self_issued` counts for the unit, never for the
 * officer; the others are shown to admins and count.
 */
import { createWords } from "./words.ts";

export const FLAGS = [
  /** Two kiosk taps closer than a real service allows. */
  "rapid_repeat",
  /** Outside the counter's service hours. */
  "outside_hours",
  /** The tablet's clock ran ahead; re-timed by the server. */
  "clock_skew",
  /** Excluded by an admin (audited). */
  "excluded",
  /** From a ticket the rated officer made for themself: counts for the unit, never for the officer. */
  "self_issued",
  /** The rated officer contested it; it counts until a supervisor or admin decides. */
  "contested",
] as const;
/** A flag on a rating. */
export type Flag = (typeof FLAGS)[number];

/** Every flag in words (a flag added above without words is a type error): no code is shown to a person. */
export const sayFlag = createWords<Flag>({
  id: {
    rapid_repeat: "terlalu rapat",
    outside_hours: "di luar jam layanan",
    clock_skew: "jam tablet salah",
    excluded: "dikecualikan dari nilai",
    self_issued: "tiket dibuat sendiri oleh petugas",
    contested: "diajukan keberatan",
  },
  en: {
    rapid_repeat: "too close together",
    outside_hours: "outside service hours",
    clock_skew: "tablet clock wrong",
    excluded: "excluded from the scores",
    self_issued: "self-issued ticket",
    contested: "contested",
  },
});
