/** Loading an API resource in a component: data, a worded error, and a retry. */
import { useCallback, useContext, useEffect, useState } from "preact/hooks";
import { ApiFailure, api } from "./api.ts";
import { Session } from "./context.ts";
import { text } from "./text.ts";

/** What useApi gives a component. */
export interface Loaded<T> {
  data?: T;
  error: string | null;
  /** Whether trying again can help (the network, a busy server, a limit that passes): not for a refused request. */
  retryable: boolean;
  loading: boolean;
  retry: () => void;
}

/** Fetches `path` (none while it is null) and again when it changes; a 401 ends the session. */
export function useApi<T>(path: string | null): Loaded<T> {
  return useLoad(path, () => api<T>(path!));
}

/**
 * Fetches several resources side by side, e.g. `useAll<{ counters: …; services: … }>({ counters: "/…", services: "/…" })`:
 * the data once all are there, under the same keys; the first error; one retry for all.
 */
export function useAll<T extends Record<string, unknown>>(paths: { [K in keyof T]: string }): Loaded<T> {
  return useLoad(JSON.stringify(paths), async () => {
    const entries = await Promise.all(Object.entries(paths).map(async ([key, path]) => [key, await api(path)]));
    return Object.fromEntries(entries) as T;
  });
}

/** Runs `load` when `key` changes (never while it is null) or on retry, keeping its outcome in the reader's words. */
function useLoad<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const session = useContext(Session);
  const [state, setState] = useState<{ data?: T; error: string | null; retryable: boolean; loading: boolean }>({
    error: null,
    retryable: false,
    loading: key !== null,
  });
  const [attempt, setAttempt] = useState(0);
  // `attempt` re-runs the same call when the reader asks to retry.
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((s) => ({ ...s, error: null, loading: true }));
    load().then(
      (data) => current && setState({ data, error: null, retryable: false, loading: false }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiFailure && error.status === 401) return session.sessionEnded();
        setState({ error: describe(error, session.locale.value), retryable: retryable(error), loading: false });
      },
    );
    return () => {
      current = false;
    };
  }, [key, attempt]);
  return { ...state, retry: useCallback(() => setAttempt((n) => n + 1), []) };
}

/** Whether a failed call may succeed when tried again unchanged. */
const retryable = (error: unknown) =>
  !(error instanceof ApiFailure) || error.status === 0 || error.status === 429 || error.status >= 500;

/** An API failure in the reader's words, never its code: how long to wait, what is wrong with a period. */
export function describe(error: unknown, locale: "id" | "en"): string {
  if (!(error instanceof ApiFailure) || error.status === 0) return text(locale, "network");
  if (error.status === 503) return text(locale, "unavailable");
  if (error.status === 403) return text(locale, "forbidden");
  if (error.status === 429) {
    return text(locale, "tooManyRequests", { minutes: Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60)) });
  }
  if (error.code === "invalid_period") return text(locale, "invalidPeriod");
  if (error.status === 404) return text(locale, "notFound");
  return text(locale, "loadFailed");
}
