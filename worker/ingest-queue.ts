/**
 * Group commit for ratings on a server with one database handle (Node): calls
 * that arrive while a transaction is being written wait and then share the
 * next one, so a burst of single-rating POSTs costs a few transactions instead
 * of one each. Every caller is answered only after its own rows are committed.
 *
 * A transaction starts once a turn of the event loop brings no more ratings
 * (or the oldest has waited `maxWaitMs`). Under load, requests come in two
 * waves: those sent while the last transaction was being written, and those its
 * answers set off, which arrive while the first wave is being parsed. Waiting
 * one more turn puts both in one transaction, whose commit (an fsync) and reads
 * cost the same for 50 ratings as for 25 (`npm run bench`); a lone rating waits
 * one turn, a few microseconds.
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
  /** Longest a rating waits for others to join its transaction while more keep coming (0: none). */
  maxWaitMs?: number;
  /** The embedded file's own connection, when the database is one (Node's default). */
  file?: EmbeddedFile | null;
  /** Longest wait for another process's write lock on the file before the call fails (503). */
  timeoutMs?: number;
  /** Told the size of each transaction that committed (the metrics' group-commit histogram). */
  onCommit?: (ratings: number) => void;
}

/** A group-commit queue over one database. */
export function createIngestQueue(
  db: Db,
  { maxItems = 1000, maxWaitMs = 5, file, timeoutMs = 4000, onCommit }: IngestQueueOptions = {},
): Ingest {
  const store = file
    ? (items: IngestItem[], batch: string) =>
        retryWhileBusy(() => ingestRatingsSync(file, items, Date.now(), batch), Date.now() + timeoutMs)
    : (items: IngestItem[], batch: string) => ingestRatings(db, items, Date.now(), batch);
  type Job = { items: IngestItem[]; resolve: (r: RatingResult[]) => void; reject: (e: unknown) => void };
  const waiting: Job[] = [];
  let running = false;
  /** How many calls were waiting at the last turn, and since when the oldest waits. */
  let lastTurn = 0;
  let since = 0;

  /** Runs at the end of each turn while calls wait: starts the transaction once a turn brought none. */
  function turn() {
    const full = waiting.reduce((n, job) => n + job.items.length, 0) >= maxItems;
    if (waiting.length > lastTurn && !full && Date.now() - since < maxWaitMs) {
      lastTurn = waiting.length;
      setImmediate(turn);
      return;
    }
    lastTurn = 0;
    void drain();
  }

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
        onCommit?.(count);
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
      if (!running) {
        running = true;
        since = Date.now();
        setImmediate(turn);
      }
    });
}
