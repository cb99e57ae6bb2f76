/**
 * Which visit a kiosk tap rates (docs/scoring.md, "Volume and speed"): the one its counter was
 * serving, or had just finished, when the citizen tapped, provided the counter served one visit
 * at a time then. Ingest applies it from both sides: a tap that arrives after its visit, and a
 * visit (a day log imported in the evening) that arrives after its taps.
 */

/** How long after a visit finished a tap still rates it: the citizen taps on their way out. */
export const TAP_GRACE_MS = 5 * 60_000;
/** How long a visit without a finish time stays open for taps, unless the counter begins another sooner. */
export const OPEN_VISIT_MS = 60 * 60_000;
/** How far before a tap a visit's service may have begun and still be read for the rule (a long service). */
export const JOIN_LOOKBACK_MS = 2 * 60 * 60_000;

/** A counted visit at the tap's counter, as the rule needs it. */
export interface JoinableVisit {
  id: string;
  /** When service began (served, else called). */
  startedAt: number;
  finishedAt: number | null;
}

/**
 * The visit a tap at `tapAt` rates among the counted visits of its counter, or null: the last one
 * begun at or before the tap, if the tap falls within it (up to TAP_GRACE_MS after its finish; up to
 * OPEN_VISIT_MS after its start when it has no finish) and no other visit of the counter was still
 * being served at the tap (two at once: nobody can tell which the citizen rated).
 */
export function visitOfTap(tapAt: number, visits: readonly JoinableVisit[]): string | null {
  let latest: JoinableVisit | null = null;
  for (const v of visits) {
    if (v.startedAt <= tapAt && (latest === null || v.startedAt > latest.startedAt)) latest = v;
  }
  if (latest === null) return null;
  const within =
    latest.finishedAt === null ? tapAt - latest.startedAt <= OPEN_VISIT_MS : tapAt <= latest.finishedAt + TAP_GRACE_MS;
  if (!within) return null;
  const another = visits.some(
    (v) => v !== latest && v.startedAt <= tapAt && v.finishedAt !== null && v.finishedAt > tapAt,
  );
  return another ? null : latest.id;
}
