/**
 * An officer's figures as a page may show them: below the minimum n (SUARA_MIN_OFFICER_N,
 * docs/scoring.md, "The officer indicator") no score at all, not the fair score, not the
 * direct index, not the interval, in the headline, the trend, a table or a printout alike.
 * The API still gives them (the officer's own n is theirs to know); the pages never print them.
 */

/** The scores of an indicator. */
interface Scored {
  enough: boolean;
  index: number | null;
  ci95: readonly [number, number] | null;
  fair: number | null;
}

/** The indicator unchanged when it reaches the minimum n, else with every score taken out. */
export function withhold<T extends Scored>(indicator: T): T {
  return indicator.enough ? indicator : { ...indicator, index: null, ci95: null, fair: null };
}
