/**
 * The time limits of a rating (docs/design.md, "Time of a rating"): how far a
 * client's clock is trusted, how old a tablet's offline tap may be, how long a
 * face-only rating stays open to completion, and how close two taps may be.
 * Ingest applies them to ratings (db/queries/ingest.ts), the duty routes to the
 * time a tablet says a duty changed (worker/routes/duties.ts): one rule, so a
 * tablet's offline ratings and duty changes are trusted alike.
 */

/**
 * How far a client clock may differ from the server's: a device's tap this far
 * ahead is re-timed to the server clock and flagged `clock_skew`; a widget or
 * ticket rating keeps its own time only within this much of the server's.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** Oldest tap a device may still deliver: a month of being offline. */
export const MAX_DEVICE_AGE_MS = 30 * 24 * 3_600_000;
/** How long after it arrived a face-only widget or QR rating may still be completed by its id. */
export const COMPLETE_WITHIN_MS = 2 * 3_600_000;
/** Two kiosk ratings closer than this cannot both be real services (docs/design.md, "Channels and attribution": `rapid_repeat`). */
export const RAPID_REPEAT_MS = 15_000;

/**
 * Why a time a tablet sends is refused, or null when it is trusted: offline days
 * are normal, a time from before the tablet was paired (less the skew allowed)
 * or older than a month is not.
 */
export function deviceTimeRefusal(at: number, pairedAt: number, now: number): "before_pairing" | "too_old" | null {
  if (at < pairedAt - CLOCK_SKEW_MS) return "before_pairing";
  if (at < now - MAX_DEVICE_AGE_MS) return "too_old";
  return null;
}

/** Whether a tablet's time runs ahead of the server's by more than the skew allowed (`clock_skew`). */
export const aheadOfServer = (at: number, now: number): boolean => at - now > CLOCK_SKEW_MS;

/** The time a widget or ticket rating counts at: its own within CLOCK_SKEW_MS of the server's, else the server's. */
export const serverCheckedTime = (at: number, now: number): number => (Math.abs(at - now) > CLOCK_SKEW_MS ? now : at);

/** Whether a face-only rating that arrived at `receivedAt` may still be completed. */
export const mayComplete = (receivedAt: number, now: number): boolean => now - receivedAt <= COMPLETE_WITHIN_MS;

/** Whether a kiosk tap at `at` follows the device's previous tap too fast to be a real service (`rapid_repeat`). */
export const rapidRepeat = (previousAt: number, at: number): boolean => at - previousAt < RAPID_REPEAT_MS;
