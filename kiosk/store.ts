/**
 * What the tablet keeps in IndexedDB so that no tap is lost to a reload, a
 * crashed tab or a power cut: every rating from the moment of the tap, the duty
 * changes made offline (in order), and what the server refused (kept aside for
 * staff, never retried forever, never silently deleted), and the key the
 * tablet signs its requests with.
 */
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
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

interface KioskDb extends DBSchema {
  ratings: { key: string; value: QueuedRating; indexes: { ready: number } };
  duties: { key: number; value: DutyChange };
  aside: { key: string; value: SetAside };
  /** The tablet's signing key pair (kiosk/device-key.ts); its private half cannot be exported. */
  keys: { key: string; value: CryptoKeyPair };
}

let opened: Promise<IDBPDatabase<KioskDb>> | undefined;

/** The tablet's database (opened once). */
export function database(): Promise<IDBPDatabase<KioskDb>> {
  opened ??= openDB<KioskDb>("suara-kiosk", 2, {
    // Each version only adds stores: a tablet updated with ratings still waiting keeps them.
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore("ratings", { keyPath: "id" }).createIndex("ready", "ready");
        db.createObjectStore("duties", { keyPath: "seq", autoIncrement: true });
        db.createObjectStore("aside", { keyPath: "id" });
      }
      if (oldVersion < 2) db.createObjectStore("keys");
    },
  });
  return opened;
}

/** Writes a rating (new or completed further); resolves once IndexedDB has it. */
export async function keepRating(rating: RatingInput, ready: boolean): Promise<void> {
  await (await database()).put("ratings", { id: rating.id, rating, ready, touchedAt: Date.now() });
}

/** Ratings ready to send, oldest tap first, at most `limit`. */
export async function readyRatings(limit: number): Promise<QueuedRating[]> {
  const all = await (await database()).getAll("ratings");
  return all
    .filter((r) => r.ready)
    .sort((a, b) => a.rating.createdAt.localeCompare(b.rating.createdAt))
    .slice(0, limit);
}

/** Marks ratings that nobody has touched for `idleMs` as ready: a survey a crash or a walk-away left open. */
export async function finishAbandoned(idleMs: number, now = Date.now()): Promise<void> {
  const db = await database();
  for (const r of await db.getAll("ratings")) {
    if (!r.ready && now - r.touchedAt >= idleMs) await db.put("ratings", { ...r, ready: true });
  }
}

/** Forgets ratings the server acknowledged (accepted or duplicate). */
export async function forgetRatings(ids: string[]): Promise<void> {
  const tx = (await database()).transaction("ratings", "readwrite");
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
}

/** Moves a refused rating aside for staff, with the server's reason. */
export async function setRatingAside(rating: RatingInput, code: string, message: string): Promise<void> {
  const tx = (await database()).transaction(["ratings", "aside"], "readwrite");
  await Promise.all([
    tx.objectStore("aside").put({ id: rating.id, what: "rating", code, message, at: Date.now(), rating }),
    tx.objectStore("ratings").delete(rating.id),
    tx.done,
  ]);
}

/** Queues a duty change made while the server could not be reached. */
export async function queueDutyChange(change: DutyChange): Promise<void> {
  await (await database()).add("duties", change);
}

/** The queued duty changes, in the order they were made. */
export async function dutyChanges(): Promise<DutyChange[]> {
  return (await database()).getAll("duties");
}

/** Forgets a duty change the server took, or moves a refused one aside. */
export async function settleDutyChange(change: DutyChange, refused?: { code: string; message: string }): Promise<void> {
  const tx = (await database()).transaction(["duties", "aside"], "readwrite");
  const { pin: _, ...kept } = change;
  await Promise.all([
    tx.objectStore("duties").delete(change.seq!),
    ...(refused
      ? [
          tx
            .objectStore("aside")
            .put({ id: `duty-${change.seq}-${change.at}`, what: "duty", at: Date.now(), change: kept, ...refused }),
        ]
      : []),
    tx.done,
  ]);
}

/** How many ratings wait, how many are unfinished, the duty changes waiting, and what was set aside. */
export async function queueState() {
  const db = await database();
  const [ratings, duties, aside] = await Promise.all([db.getAll("ratings"), db.getAll("duties"), db.getAll("aside")]);
  const last = duties.at(-1);
  return {
    waiting: ratings.filter((r) => r.ready).length,
    open: ratings.filter((r) => !r.ready).length,
    duties: duties.length,
    /** The NIP of a check-in still waiting to reach the server, if that is the last duty change. */
    pendingCheckIn: last?.kind === "checkIn" ? (last.nip ?? null) : null,
    aside: aside.sort((a, b) => b.at - a.at),
  };
}

/** Puts the set-aside ratings back in the queue for one more try (staff asked for it). */
export async function retryAside(): Promise<void> {
  const db = await database();
  for (const item of await db.getAll("aside")) {
    if (item.what === "rating" && item.rating) await keepRating(item.rating, true);
    await db.delete("aside", item.id);
  }
}
