/**
 * How visits are stored for a request: on Node with the embedded database, one synchronous
 * transaction on the file's own connection (as ratings are, worker/ingest-queue.ts), waiting out
 * another process's write lock; otherwise two batches through the request's database client.
 */
import type { VisitInput, VisitResult } from "../core/visit-contract.ts";
import type { Db } from "../db/client.ts";
import type { EmbeddedFile } from "../db/embedded.ts";
import { retryWhileBusy } from "../db/guard.ts";
import type { VisitAgency } from "../db/queries/visit-context.ts";
import { ingestVisits, ingestVisitsSync, type VisitSender } from "../db/queries/visit-ingest.ts";

/** Stores one call's visits and answers one result per visit, in order. */
export type StoreVisits = (
  agency: VisitAgency,
  sender: VisitSender,
  inputs: VisitInput[],
  now: number,
  batch: string,
) => Promise<VisitResult[]>;

/** Through the database's client (Workers, a remote database). */
export const clientVisits =
  (db: Db): StoreVisits =>
  (...call) =>
    ingestVisits(db, ...call);

/** On the embedded file's own connection; gives up after `timeoutMs` of another process's lock (503). */
export const fileVisits =
  (file: EmbeddedFile, timeoutMs: number): StoreVisits =>
  (...call) =>
    retryWhileBusy(() => ingestVisitsSync(file, ...call), Date.now() + timeoutMs);
