/** What every screen shows while it loads, when a call failed (with a retry), and when there is nothing yet. */
import { useContext } from "preact/hooks";
import { Session } from "../context.ts";
import { text } from "../text.ts";
import type { Loaded } from "../use-api.ts";

/** Shows loading or an error for `loaded`; renders `children(data)` once it is there. */
export function Load<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => preact.ComponentChildren }) {
  const locale = useContext(Session).locale.value;
  if (loaded.error) {
    return (
      <div class="state state-error" role="alert">
        <p>{loaded.error}</p>
        {loaded.retryable ? (
          <button type="button" class="secondary" onClick={loaded.retry}>
            {text(locale, "retry")}
          </button>
        ) : null}
      </div>
    );
  }
  if (loaded.data === undefined) {
    return (
      <p class="state" role="status">
        {text(locale, "loading")}
      </p>
    );
  }
  return <>{children(loaded.data)}</>;
}

/** A calm line for a list or chart with nothing in it. */
export function Empty({ children }: { children: string }) {
  return <p class="state state-empty">{children}</p>;
}
