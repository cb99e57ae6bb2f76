/**
 * Where alerts are checked and sent (docs/design.md, "Alerts"): the ratings a commit accepted are
 * checked after it, off the request's path (Workers: waitUntil; Node: in the background), and
 * webhook deliveries are tried then and on a timer, signed, retried with backoff.
 */
import type { Context } from "hono";
import { nextTryAt, SIGNATURE_HEADER, signWebhook } from "../core/alerts.ts";
import type { RatingInput, RatingResult } from "../core/contract.ts";
import type { Db } from "../db/client.ts";
import { checkRatings, checkWeeks, mayAlert } from "../db/queries/alerts.ts";
import { claimDue, recordTry } from "../db/queries/webhooks.ts";
import type { AppEnv } from "./env.ts";
import { describeError } from "./errors.ts";
import type { Log } from "./log.ts";

/** Runs a task after the answer: what an entry point does with work the request must not wait for. */
export type Background = (c: Context<AppEnv>, task: Promise<unknown>) => void;

/** Workers keep the isolate alive for it (waitUntil); Node just lets it run. */
export const runInBackground: Background = (c, task) => {
  try {
    c.executionCtx.waitUntil(task);
  } catch {
    // No execution context (Node): the event loop runs the task; it catches its own errors.
  }
};

/** Longest a receiver may take to answer one try. */
const TRY_TIMEOUT_MS = 10_000;

/** What the sender needs: the clock (tests drive it) and how to make an HTTP request. */
export interface SendOptions {
  now?: () => number;
  fetch?: typeof fetch;
}

/**
 * Tries every delivery due now once: a 2xx delivers it; any other answer, a redirect or a network
 * error records the try and schedules the next (core/alerts.ts WEBHOOK_BACKOFF_MS), or gives up.
 * Answers how many were tried.
 */
export async function sendDue(db: Db, { now = Date.now, fetch: send = fetch }: SendOptions = {}): Promise<number> {
  const due = await claimDue(db, now());
  await Promise.all(
    due.map(async (delivery) => {
      let statusCode: number | null = null;
      let error: string | null = null;
      try {
        const response = await send(delivery.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "user-agent": "Suara-Webhook/1",
            [SIGNATURE_HEADER]: await signWebhook(delivery.secret, delivery.body, now()),
          },
          body: delivery.body,
          redirect: "manual",
          signal: AbortSignal.timeout(TRY_TIMEOUT_MS),
        });
        statusCode = response.status;
        // The receiver's answer is never read nor shown: only its status is logged.
        await response.body?.cancel();
      } catch (caught) {
        // Kept as a code the dashboard words (never a runtime's English message on an Indonesian screen).
        error = (caught as Error).name === "TimeoutError" ? "timeout" : "unreachable";
      }
      const at = now();
      const delivered = statusCode !== null && statusCode >= 200 && statusCode < 300;
      await recordTry(db, delivery, at, {
        statusCode,
        error,
        delivered,
        nextAt: delivered ? null : nextTryAt(delivery.tries + 1, at),
      });
    }),
  );
  return due.length;
}

/** Longest a checked rating waits for others to join its check: one read for a burst of ratings. */
const GATHER_MS = 20;

/**
 * Checks ratings after their commit, gathered: the ratings committed within GATHER_MS (on one
 * database) are checked together, as group commit stores them together, so a burst of single-rating
 * POSTs costs a few checks, not one each. Each call's promise settles when its check and the
 * deliveries it set off are done; failures are logged, never thrown.
 */
export function createAlertChecks({ log }: { log: Log }) {
  const waiting = new Map<Db, { ids: string[]; done: Promise<void> }>();
  return (db: Db, ids: string[]): Promise<void> => {
    const gathering = waiting.get(db);
    if (gathering) {
      gathering.ids.push(...ids);
      return gathering.done;
    }
    const group = { ids: [...ids], done: Promise.resolve() };
    group.done = new Promise<void>((resolve) => setTimeout(resolve, GATHER_MS))
      .then(() => {
        waiting.delete(db);
        return checkRatings(db, group.ids, Date.now());
      })
      .then((fired) => (fired > 0 ? sendDue(db) : 0))
      .then(
        () => undefined,
        (error) => log.error({ error: describeError(error) }, "Checking ratings for alerts failed."),
      );
    waiting.set(db, group);
    return group.done;
  };
}

/** The ratings a commit accepted or completed that could alert at all (a low face, a levy's reason or words). */
export const mayAlertOf = (inputs: readonly RatingInput[], results: readonly RatingResult[]): string[] =>
  results
    .filter((r, i) => (r.status === "accepted" || r.status === "completed") && mayAlert(inputs[i]))
    .map((r) => r.id);

/** The timer's run (Node every minute, Workers' cron): the weekly bands now and then, and the deliveries due. */
export async function alertTimer(
  db: Db,
  { checkBands, minN, k }: { checkBands: boolean; minN: number; k: number },
): Promise<{ fired: number; tried: number }> {
  const fired = checkBands ? await checkWeeks(db, Date.now(), { minN, k }) : 0;
  return { fired, tried: await sendDue(db) };
}
