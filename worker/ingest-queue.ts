/**
 * Group commit for ratings on a server with one database handle (Node): calls
 * that arrive while a transaction is being written wait and then share the
 * next one, so a burst of single-rating POSTs costs a few transactions instead
 * of one each. Every caller is answered only after its own rows are committed.
 * Given the embedded file's own connection, each transaction is one synchronous
 * call on it (db/embedded.ts); otherwise it goes through the database's client.
 */
import type { RatingResult } from "../core/contract.ts";
import { newId } from "../core/ids.ts";
import type { Db } from "../db/client.ts";
import type { EmbeddedFile } from "../db/embedded.ts";
import { retryWhileBusy } from "../db/guard.ts";
import { type IngestItem, ingestRatings, ingestRatingsSync } from "../db/queries/ingest.ts";

/** Stores ratings and answers one result per item, in order. */
export type Ingest = (items: IngestItem[]) => Promise<RatingResult[]>;

/** Ingest without grouping: one transaction per call (Workers, where each request has its own client). */
export const directIngest =
  (db: Db): Ingest =>
  (items) =>
    ingestRatings(db, items, Date.now(), newId("b"));

/** Options of the group-commit queue. */
export interface IngestQueueOptions {
  /**
   * Most ratings in one transaction: 1,000 rows × 28 columns stays under
   * SQLite's 32,766 bound parameters. A single call is never split.
   */
  maxItems?: number;
  /** The embedded file's own connection, when the database is one (Node's default). */
  file?: EmbeddedFile | null;
  /** Longest wait for another process's write lock on the file before the call fails (503). */
  timeoutMs?: number;
}

/** A group-commit queue over one database. */
export function createIngestQueue(
  db: Db,
  { maxItems = 1000, file, timeoutMs = 4000 }: IngestQueueOptions = {},
): Ingest {
  const store = file
    ? (items: IngestItem[], batch: string) =>
        retryWhileBusy(() => ingestRatingsSync(file, items, Date.now(), batch), Date.now() + timeoutMs)
    : (items: IngestItem[], batch: string) => ingestRatings(db, items, Date.now(), batch);
  type Job = { items: IngestItem[]; resolve: (r: RatingResult[]) => void; reject: (e: unknown) => void };
  const waiting: Job[] = [];
  let running = false;

  async function drain() {
    running = true;
    while (waiting.length > 0) {
      let take = 1;
      let count = waiting[0].items.length;
      while (take < waiting.length && count + waiting[take].items.length <= maxItems)
        count += waiting[take++].items.length;
      const jobs = waiting.splice(0, take);
      try {
        const results = await store(
          jobs.flatMap((job) => job.items),
          newId("b"),
        );
        let offset = 0;
        for (const job of jobs) {
          job.resolve(results.slice(offset, offset + job.items.length));
          offset += job.items.length;
        }
      } catch (error) {
        for (const job of jobs) job.reject(error);
      }
    }
    running = false;
  }

  return (items) =>
    new Promise((resolve, reject) => {
      waiting.push({ items, resolve, reject });
      // Let the requests already parsed in this turn of the event loop join the same transaction.
      if (!running) {
        running = true;
        setImmediate(drain);
      }
    });
}
