/**
 * An officer's right of reply (keberatan): why they contest a rating, and what a
 * supervisor or admin decides. No zod here, so the dashboard may import the lists.
 */

/** Why an officer contests a rating attributed to them. */
export const CONTEST_REASONS = [
  /** Someone else served this citizen. */
  "not_served_by_me",
  /** No service took place (a test, a mistaken tap, a stranger's rating). */
  "not_a_real_service",
  /** The rating's time is outside the officer's duty. */
  "outside_my_duty",
  /** The comment insults or threatens rather than rates the service. */
  "abusive",
  /** Anything else; the note says what. */
  "other",
] as const;
/** Why an officer contests a rating. */
export type ContestReason = (typeof CONTEST_REASONS)[number];

/** What a decided contest became: the rating kept in the scores, or excluded from them. */
export const CONTEST_DECISIONS = ["kept", "excluded"] as const;
/** What a decided contest became. */
export type ContestDecision = (typeof CONTEST_DECISIONS)[number];

/** Longest note an officer or a decider may write, in characters. */
export const MAX_CONTEST_NOTE = 500;
