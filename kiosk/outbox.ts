/**
 * The tablet's outbox as the kiosk's state and sync loop see it: every rating
 * from the moment of the tap, the duty changes made offline (in order), and what
 * the server refused (kept aside for staff, never retried forever, never
 * silently deleted). On the tablet it lives in IndexedDB (store.ts); memory-outbox.ts
 * keeps the same in memory. The rules both follow are the helpers below.
 */
import type { RatingInput } from "../core/contract.ts";

/** A rating as the tablet keeps it until the server has it. */
export interface QueuedRating {
  id: string;
  rating: RatingInput;
  /** False while the citizen may still add to it (survey); only ready ratings are sent. */
  ready: boolean;
  /** When it was last changed on this tablet (ms), to finish ratings a crash left open. */
  touchedAt: number;
}

/** A duty change made on the tablet, sent in order (with the officer's PIN, which the server checks). */
export interface DutyChange {
  seq?: number;
  kind: "checkIn" | "checkOut";
  nip?: string;
  pin?: string;
  at: string;
}

/** Something the server refused, kept for staff with its reason. */
export interface SetAside {
  id: string;
  what: "rating" | "duty";
  code: string;
  message: string;
  at: number;
  rating?: RatingInput;
  change?: DutyChange;
}

/** How the outbox stands, for the staff menu, the status corner and the server's tablet list. */
export interface QueueState {
  /** Ratings ready to send. */
  waiting: number;
  /** Ratings the citizen may still add to. */
  open: number;
  /** Duty changes waiting. */
  duties: number;
  /** The NIP of a check-in still waiting to reach the server, if that is the last duty change. */
  pendingCheckIn: string | null;
  /** What the server refused, newest first. */
  aside: SetAside[];
}

/** Where the tablet keeps what waits for the server; every write resolves once it is kept. */
export interface Outbox {
  /** Writes a rating (new or completed further). */
  keepRating(rating: RatingInput, ready: boolean): Promise<void>;
  /** Ratings ready to send, oldest tap first, at most `limit`. */
  readyRatings(limit: number): Promise<QueuedRating[]>;
  /** Marks ratings that nobody has touched for `idleMs` as ready: a survey a crash or a walk-away left open. */
  finishAbandoned(idleMs: number, now?: number): Promise<void>;
  /** Forgets ratings the server acknowledged (accepted or duplicate). */
  forgetRatings(ids: string[]): Promise<void>;
  /** Moves a refused rating aside for staff, with the server's reason. */
  setRatingAside(rating: RatingInput, code: string, message: string): Promise<void>;
  /** Queues a duty change made while the server could not be reached. */
  queueDutyChange(change: DutyChange): Promise<void>;
  /** The queued duty changes, in the order they were made. */
  dutyChanges(): Promise<DutyChange[]>;
  /** Forgets a duty change the server took, or moves a refused one aside. */
  settleDutyChange(change: DutyChange, refused?: { code: string; message: string }): Promise<void>;
  /** How many ratings wait, how many are unfinished, the duty changes waiting, and what was set aside. */
  queueState(): Promise<QueueState>;
  /** Puts the set-aside ratings back in the queue for one more try (staff asked for it), but never PAIRING_LOST ones. */
  retryAside(): Promise<void>;
}

/**
 * The code of what waited on a tablet when its pairing was lost (an admin revoked it, or it must
 * pair again): no later pairing may send it, since it would rate that tablet's counter instead.
 * It stays aside, in words, and "Coba kirim lagi" leaves it there.
 */
export const PAIRING_LOST = "pairing_lost";

/**
 * Sets aside everything still waiting (ratings, finished or not, and duty changes) as
 * PAIRING_LOST: what a tablet does before it forgets a pairing the server no longer takes.
 */
export async function setAsideForLostPairing(outbox: Outbox): Promise<void> {
  const refused = { code: PAIRING_LOST, message: "The tablet's pairing was lost before this was sent." };
  await outbox.finishAbandoned(0);
  for (const q of await outbox.readyRatings(Number.MAX_SAFE_INTEGER)) {
    await outbox.setRatingAside(q.rating, refused.code, refused.message);
  }
  for (const change of await outbox.dutyChanges()) await outbox.settleDutyChange(change, refused);
}

/** A rating as kept, touched now. */
export const queued = (rating: RatingInput, ready: boolean, now = Date.now()): QueuedRating => ({
  id: rating.id,
  rating,
  ready,
  touchedAt: now,
});

/** Of all kept ratings, those ready to send, oldest tap first, at most `limit`. */
export const pickReady = (all: QueuedRating[], limit: number): QueuedRating[] =>
  all
    .filter((r) => r.ready)
    .sort((a, b) => a.rating.createdAt.localeCompare(b.rating.createdAt))
    .slice(0, limit);

/** Whether a kept rating was left open for `idleMs` and is to be finished as it stands. */
export const abandoned = (r: QueuedRating, idleMs: number, now: number): boolean =>
  !r.ready && now - r.touchedAt >= idleMs;

/** A refused rating as set aside. */
export const ratingAside = (rating: RatingInput, code: string, message: string): SetAside => ({
  id: rating.id,
  what: "rating",
  code,
  message,
  at: Date.now(),
  rating,
});

/** A refused duty change as set aside: without its PIN, which nobody needs any more. */
export function dutyAside(change: DutyChange, refused: { code: string; message: string }): SetAside {
  const { pin: _, ...kept } = change;
  return { id: `duty-${change.seq}-${change.at}`, what: "duty", at: Date.now(), change: kept, ...refused };
}

/** How the outbox stands, from everything it keeps. */
export function summarize(ratings: QueuedRating[], duties: DutyChange[], aside: SetAside[]): QueueState {
  const last = duties.at(-1);
  return {
    waiting: ratings.filter((r) => r.ready).length,
    open: ratings.filter((r) => !r.ready).length,
    duties: duties.length,
    pendingCheckIn: last?.kind === "checkIn" ? (last.nip ?? null) : null,
    aside: [...aside].sort((a, b) => b.at - a.at),
  };
}
