/**
 * Flags on a rating, and which figures each keeps it out of (docs/scoring.md, "What is left out").
 * `rapid_repeat` and `excluded` never count; `self_issued` counts for the unit, never for the
 * officer; the others are shown to admins and count.
 */
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
