/** Loading an API resource in a component: data, a worded error, and a retry. */
import { useCallback, useContext, useEffect, useState } from "preact/hooks";
import { ApiFailure, api } from "./api.ts";
import { Session } from "./context.ts";
import { text } from "./text.ts";

/** What useApi gives a component. */
export interface Loaded<T> {
  data?: T;
  error: string | null;
  loading: boolean;
  retry: () => void;
}

/** Fetches `path` (none while it is null) and again when it changes; a 401 ends the session. */
export function useApi<T>(path: string | null): Loaded<T> {
  const session = useContext(Session);
  const [state, setState] = useState<{ data?: T; error: string | null; loading: boolean }>({
    error: null,
    loading: path !== null,
  });
  const [attempt, setAttempt] = useState(0);
  // `attempt` re-runs the same call when the reader asks to retry.
  useEffect(() => {
    if (path === null) return;
    let current = true;
    setState((s) => ({ ...s, error: null, loading: true }));
    api<T>(path).then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiFailure && error.status === 401) return session.sessionEnded();
        setState({ error: describe(error, session.locale.value), loading: false });
      },
    );
    return () => {
      current = false;
    };
  }, [path, attempt]);
  return { ...state, retry: useCallback(() => setAttempt((n) => n + 1), []) };
}

/** An API failure in the reader's words. */
export function describe(error: unknown, locale: "id" | "en"): string {
  if (!(error instanceof ApiFailure)) return text(locale, "network");
  if (error.status === 0) return text(locale, "network");
  if (error.status === 503) return text(locale, "unavailable");
  if (error.status === 403) return text(locale, "forbidden");
  return `${text(locale, "loadFailed")} (${error.code})`;
}
