/**
 * Sends what the tablet keeps: first the duty changes made offline, in order
 * (so the server knows who served when), then ratings in batches of up to 500.
 * A rating leaves the tablet only when the server answered `accepted` or
 * `duplicate` for it; a refused one is set aside with its reason. A server that
 * cannot be reached, or answers 5xx, 429 or 503, keeps everything queued and is
 * tried again with exponential backoff and jitter. Nothing is dropped for age.
 * A sync that sent everything ends by reporting the queue to the server.
 */
import type { RatingsResult } from "../core/responses.ts";
import { CallFailed, type DeviceCall } from "./api.ts";
import type { Outbox } from "./outbox.ts";

/** Most ratings in one call (the API's limit). */
const BATCH = 500;
/** First wait after a failure, and the longest. */
const BACKOFF = { first: 2_000, max: 5 * 60_000 };
/** A survey nobody touched for this long is finished as it stands. */
export const SURVEY_IDLE_MS = 60_000;

/** What a sync loop reports. */
export interface SyncEvents {
  /** After every attempt: whether the server answered, when the last full sync ended, and how many duty changes it sent. */
  onResult: (result: { reachable: boolean; syncedAt: number | null; duties: number }) => void;
  /** The server no longer takes this tablet (its token was revoked, or it was paired before requests were signed). */
  onRevoked: () => void;
}

/** What a sync sends, and to whom: the tablet's outbox, its calls to the API, and its counter's code. */
export interface SyncTarget {
  outbox: Outbox;
  server: DeviceCall;
  counter: string;
}

/** A refusal of the tablet itself (its token was revoked, or it must pair again to sign), not of what it sent. */
const revoked = (error: unknown) => error instanceof CallFailed && error.pairingLost;

/** Whether to keep something queued and try again later, rather than set it aside. */
const retryLater = (error: unknown) => !(error instanceof CallFailed) || error.transient || revoked(error);

/** Sends everything queued now and says how many duty changes went; throws when it should be tried again later. */
export async function syncOnce({ outbox, server, counter }: SyncTarget): Promise<{ duties: number }> {
  await outbox.finishAbandoned(SURVEY_IDLE_MS);
  const changes = await outbox.dutyChanges();
  for (const change of changes) {
    try {
      const duty = `/counters/${encodeURIComponent(counter)}/duty`;
      if (change.kind === "checkIn") {
        await server(duty, { method: "POST", body: { nip: change.nip, pin: change.pin, at: change.at } });
      } else {
        await server(duty, { method: "DELETE", body: { pin: change.pin, at: change.at } });
      }
      await outbox.settleDutyChange(change);
    } catch (error) {
      if (retryLater(error)) throw error;
      // Refused (a wrong PIN, nobody left to check out): staff see it; the queue goes on.
      const refused = error as CallFailed;
      await outbox.settleDutyChange(change, { code: refused.code, message: refused.message });
    }
  }
  for (;;) {
    const batch = await outbox.readyRatings(BATCH);
    if (batch.length === 0) {
      // Admins see the tablet alive, and how its queue stands, on the dashboard's tablet list.
      const { waiting, aside } = await outbox.queueState();
      await server("/devices/self/status", { method: "PUT", body: { waiting, aside: aside.length } });
      return { duties: changes.length };
    }
    let answer: RatingsResult;
    try {
      answer = await server<RatingsResult>("/ratings", {
        method: "POST",
        body: { ratings: batch.map((q) => q.rating) },
      });
    } catch (error) {
      if (retryLater(error)) throw error;
      // A whole batch refused (it should never be): keep every rating aside, none is lost.
      const refused = error as CallFailed;
      for (const q of batch) await outbox.setRatingAside(q.rating, refused.code, refused.message);
      continue;
    }
    const done = answer.results.filter((r) => r.status !== "rejected").map((r) => r.id);
    await outbox.forgetRatings(done);
    for (const result of answer.results) {
      if (result.status !== "rejected") continue;
      const queued = batch.find((q) => q.id === result.id);
      if (queued)
        await outbox.setRatingAside(queued.rating, result.error?.code ?? "rejected", result.error?.message ?? "");
    }
  }
}

/**
 * Runs syncOnce now and whenever kicked, retrying failures with exponential
 * backoff and jitter; returns kick and stop. Timers only: the browser's
 * "online" event is wired to kick by runtime.ts.
 */
export function startSync(target: SyncTarget, events: SyncEvents) {
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let stopped = false;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };

  async function run() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const { duties } = await syncOnce(target);
      failures = 0;
      events.onResult({ reachable: true, syncedAt: Date.now(), duties });
      schedule(SURVEY_IDLE_MS);
    } catch (error) {
      if (revoked(error)) {
        events.onRevoked();
        return;
      }
      failures += 1;
      events.onResult({ reachable: !(error instanceof CallFailed && error.status === 0), syncedAt: null, duties: 0 });
      const base = Math.min(BACKOFF.max, BACKOFF.first * 2 ** (failures - 1));
      schedule(base / 2 + Math.random() * base);
    } finally {
      running = false;
      if (again && !stopped) {
        again = false;
        schedule(0);
      }
    }
  }

  const kick = () => {
    failures = 0;
    schedule(0);
  };
  schedule(0);
  return {
    kick,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
