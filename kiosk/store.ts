/**
 * What the tablet keeps in IndexedDB so that no tap is lost to a reload, a
 * crashed tab or a power cut: the outbox (outbox.ts says what it holds and the
 * rules it follows) and the key the tablet signs its requests with.
 */
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { RatingInput } from "../core/contract.ts";
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

const keepRating = async (rating: RatingInput, ready: boolean): Promise<void> => {
  await (await database()).put("ratings", queued(rating, ready));
};

/** The tablet's outbox, in IndexedDB. */
export const tabletOutbox: Outbox = {
  keepRating,
  readyRatings: async (limit) => pickReady(await (await database()).getAll("ratings"), limit),
  async finishAbandoned(idleMs, now = Date.now()) {
    const db = await database();
    for (const r of await db.getAll("ratings")) {
      if (abandoned(r, idleMs, now)) await db.put("ratings", { ...r, ready: true });
    }
  },
  async forgetRatings(ids) {
    const tx = (await database()).transaction("ratings", "readwrite");
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  },
  async setRatingAside(rating, code, message) {
    const tx = (await database()).transaction(["ratings", "aside"], "readwrite");
    await Promise.all([
      tx.objectStore("aside").put(ratingAside(rating, code, message)),
      tx.objectStore("ratings").delete(rating.id),
      tx.done,
    ]);
  },
  async queueDutyChange(change) {
    await (await database()).add("duties", change);
  },
  dutyChanges: async () => (await database()).getAll("duties"),
  async settleDutyChange(change, refused) {
    const tx = (await database()).transaction(["duties", "aside"], "readwrite");
    await Promise.all([
      tx.objectStore("duties").delete(change.seq!),
      ...(refused ? [tx.objectStore("aside").put(dutyAside(change, refused))] : []),
      tx.done,
    ]);
  },
  async queueState() {
    const db = await database();
    const [ratings, duties, aside] = await Promise.all([db.getAll("ratings"), db.getAll("duties"), db.getAll("aside")]);
    return summarize(ratings, duties, aside);
  },
  async retryAside() {
    const db = await database();
    for (const item of await db.getAll("aside")) {
      if (item.code === PAIRING_LOST) continue;
      if (item.what === "rating" && item.rating) await keepRating(item.rating, true);
      await db.delete("aside", item.id);
    }
  },
};
