/**
 * The outbox kept in memory: the same rules as the tablet's IndexedDB outbox
 * (store.ts), lost on reload. What the kiosk's unit tests run the state and the
 * sync loop on, in Node, and what a browser without IndexedDB could fall back to.
 */
import {
  abandoned,
  type DutyChange,
  dutyAside,
  type Outbox,
  PAIRING_LOST,
  pickReady,
  type QueuedRating,
  queued,
  ratingAside,
  type SetAside,
  summarize,
} from "./outbox.ts";

/** A new, empty outbox in memory. */
export function memoryOutbox(): Outbox {
  const ratings = new Map<string, QueuedRating>();
  const duties = new Map<number, DutyChange>();
  const aside = new Map<string, SetAside>();
  let seq = 0;
  const outbox: Outbox = {
    async keepRating(rating, ready) {
      ratings.set(rating.id, queued(rating, ready));
    },
    readyRatings: async (limit) => pickReady([...ratings.values()], limit),
    async finishAbandoned(idleMs, now = Date.now()) {
      for (const r of ratings.values()) if (abandoned(r, idleMs, now)) ratings.set(r.id, { ...r, ready: true });
    },
    async forgetRatings(ids) {
      for (const id of ids) ratings.delete(id);
    },
    async setRatingAside(rating, code, message) {
      aside.set(rating.id, ratingAside(rating, code, message));
      ratings.delete(rating.id);
    },
    async queueDutyChange(change) {
      seq += 1;
      duties.set(seq, { ...change, seq });
    },
    dutyChanges: async () => [...duties.values()],
    async settleDutyChange(change, refused) {
      duties.delete(change.seq!);
      if (refused) {
        const item = dutyAside(change, refused);
        aside.set(item.id, item);
      }
    },
    queueState: async () => summarize([...ratings.values()], [...duties.values()], [...aside.values()]),
    async retryAside() {
      for (const item of aside.values()) {
        if (item.code === PAIRING_LOST) continue;
        if (item.what === "rating" && item.rating) await outbox.keepRating(item.rating, true);
        aside.delete(item.id);
      }
    },
  };
  return outbox;
}
