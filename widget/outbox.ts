/**
 * Ratings a page could not send yet, kept in localStorage by id and sent again
 * on the next load or when the browser is back online. The API stores each id
 * once, so sending one twice (two tabs, a retry) never counts twice; a later
 * version of the same rating (its completion) replaces the waiting one.
 */
import type { RatingInput } from "../core/contract.ts";
import type { RatingsResult } from "../core/responses.ts";

const KEY = "suara.outbox.v1";

type Kept = Record<string, { api: string; rating: RatingInput }>;

const read = (): Kept => {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? "{}") as Kept;
  } catch {
    return {};
  }
};
const write = (kept: Kept) => {
  try {
    if (Object.keys(kept).length) localStorage.setItem(KEY, JSON.stringify(kept));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage full or blocked (private mode): nothing more this page can do.
  }
};

/** What the API said of one rating, or null when it could not be reached. */
export type Outcome =
  | RatingsResult["results"][number]
  | { status: "refused"; error: { code: string; message: string } };

/**
 * Sends one rating. Unreachable (offline, a 5xx or 429): kept for later and
 * null. Otherwise the API's result (a refused request becomes `refused`).
 */
export async function send(api: string, rating: RatingInput, keepalive = false): Promise<Outcome | null> {
  const kept = read();
  kept[rating.id] = { api, rating };
  write(kept);
  try {
    const res = await fetch(`${api}/api/v1/ratings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ratings: [rating] }),
      keepalive,
    });
    if (res.status >= 500 || res.status === 429) return null;
    const body = await res.json();
    forget(rating.id);
    return body.results?.[0] ?? { status: "refused", error: body.error };
  } catch {
    return null;
  }
}

/** Forgets a rating the API has answered for. */
function forget(id: string) {
  const kept = read();
  delete kept[id];
  write(kept);
}

/** Sends every kept rating once more; those still unreachable stay. */
export async function flush(): Promise<void> {
  for (const { api, rating } of Object.values(read())) await send(api, rating);
}
