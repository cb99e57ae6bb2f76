/**
 * Every database call gets a deadline, so a database that hangs (a remote libSQL
 * that accepts connections and never answers) turns into a quick 503 instead of
 * a frozen server; and a write that finds the embedded file locked by another
 * process is retried a few times without blocking the event loop, instead of
 * SQLite's busy handler sleeping inside a synchronous call.
 */
import type { Client, Config } from "@libsql/client";

/** Options of a guarded client. */
export interface GuardOptions {
  /** Longest time one call may take before it fails with `DB_TIMEOUT`. */
  timeoutMs?: number;
  /**
   * Runs after each call that succeeded, before its result is handed on; throwing
   * fails the call (Node: the file at the path must still be the file that was
   * opened, db/file-identity.ts).
   */
  afterCall?: () => void;
}

/** A database call that ran out of time: the server answers 503 (worker/errors.ts). */
export class DatabaseTimeout extends Error {
  readonly code = "DB_TIMEOUT";
  constructor(ms: number) {
    super(`The database did not answer within ${ms} ms.`);
  }
}

/** Waits before retrying a locked write: short, then longer, all within the call's deadline. */
const BUSY_BACKOFF_MS = [10, 25, 50, 100, 200, 400, 800];

/** Whether an error says another connection holds the database's write lock (SQLITE_BUSY). */
export const isBusy = (error: unknown) =>
  /SQLITE_BUSY|database is locked/i.test(`${(error as { code?: string })?.code} ${(error as Error)?.message}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt`, and again after each SQLITE_BUSY (another process holds the
 * write lock), waiting a little longer each time without blocking the event
 * loop, until the next wait would pass `deadline`; then the busy error is thrown.
 */
export async function retryWhileBusy<T>(
  attempt: () => T | Promise<T>,
  deadline: number,
  onBusy: () => void = () => {},
): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
      onBusy();
      const wait = BUSY_BACKOFF_MS[tries];
      if (wait === undefined || Date.now() + wait >= deadline) throw error;
      await sleep(wait);
    }
  }
}

/**
 * A `fetch` for the libSQL HTTP client that gives up after `timeoutMs`, so a
 * hanging server leaves no socket waiting forever behind a request that already got its 503.
 */
export const fetchWithTimeout =
  (timeoutMs: number): NonNullable<Config["fetch"]> =>
  (request: Request) =>
    fetch(request, { signal: AbortSignal.timeout(timeoutMs) });

/** The client calls that reach the database. */
const CALLS = new Set(["execute", "batch", "migrate", "executeMultiple", "transaction", "sync"]);

/**
 * A libSQL client whose every call has a deadline and whose locked writes are
 * retried asynchronously. `open` makes a client: after SQLITE_BUSY the embedded
 * client's connection keeps a statement that was never reset, and every later
 * batch on it fails with "cannot commit transaction - SQL statements in
 * progress" (@libsql/client 0.18), so a busy client is replaced by a fresh one.
 */
export function guardClient(open: () => Client, { timeoutMs = 4000, afterCall = () => {} }: GuardOptions = {}): Client {
  let client = open();

  /** Swaps the client after a busy error; the old one is closed once calls on it have had time to end. */
  function replace(busy: Client) {
    if (client !== busy) return;
    client = open();
    setTimeout(() => busy.close(), timeoutMs).unref?.();
  }

  async function call<T>(run: (c: Client) => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DatabaseTimeout(timeoutMs)), timeoutMs);
    });
    try {
      let current = client;
      const attempt = () => {
        current = client;
        return run(current);
      };
      const result = await Promise.race([
        retryWhileBusy(attempt, Date.now() + timeoutMs, () => replace(current)),
        expired,
      ]);
      afterCall();
      return result;
    } finally {
      clearTimeout(timer);
    }
  }

  return new Proxy({} as Client, {
    get(_, property) {
      const value = Reflect.get(client, property);
      if (typeof value !== "function") return value;
      if (!CALLS.has(String(property)))
        return (...args: unknown[]) => Reflect.get(client, property).apply(client, args);
      if (property === "batch") {
        // drizzle sends batches without a mode, which libSQL runs "deferred"; "write" takes the
        // lock at BEGIN, so a locked database fails before anything ran and the batch can be retried.
        return (statements: unknown, mode = "write") =>
          call((c) => (c.batch as (s: unknown, m: unknown) => Promise<unknown>)(statements, mode));
      }
      return (...args: unknown[]) =>
        call((c) => (Reflect.get(c, property) as (...a: unknown[]) => Promise<unknown>).apply(c, args));
    },
  });
}
