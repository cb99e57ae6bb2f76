/**
 * The header's bell: a link to the reader's notifications with how many are unread. It asks for the
 * count alone (`limit=0`, one indexed count) every few seconds while the tab is shown, so a
 * "Diminta biaya" tap at a kiosk shows within 10 s, and not at all while the tab is hidden.
 */
import { useSignal } from "@preact/signals";
import { useContext, useEffect } from "preact/hooks";
import type { Notifications } from "../../core/alert-contract.ts";
import { sayAlert } from "../alert-words.ts";
import { ApiFailure, api } from "../api.ts";
import { Session } from "../context.ts";

/** How often the count is asked for while the tab is visible. */
const POLL_MS = 4_000;

/** The bell for `slug`'s notifications; `current` when the notifications page is open. */
export function Bell({ slug, current }: { slug: string; current: boolean }) {
  const session = useContext(Session);
  const locale = session.locale.value;
  const unread = session.unread;
  const stopped = useSignal(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const ask = async () => {
      clearTimeout(timer);
      if (document.visibilityState !== "visible") return;
      try {
        unread.value = (await api<Notifications>(`/agencies/${slug}/notifications?limit=0`)).unread;
      } catch (error) {
        if (error instanceof ApiFailure && error.status === 401) return session.sessionEnded();
        // A refusal will not pass by asking again; the network or a busy server may.
        if (error instanceof ApiFailure && error.status >= 400 && error.status < 500 && error.status !== 429) {
          stopped.value = true;
          return;
        }
      }
      if (live) timer = setTimeout(ask, POLL_MS);
    };
    const shown = () => void ask();
    document.addEventListener("visibilitychange", shown);
    void ask();
    return () => {
      live = false;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", shown);
    };
  }, [slug]);
  if (stopped.value) return null;
  const n = unread.value;
  return (
    <a
      class="button secondary bell"
      href={`/dashboard/a/${slug}/notifications`}
      aria-current={current ? "page" : undefined}
      aria-label={n ? sayAlert(locale, "bellUnread", { n }) : sayAlert(locale, "bell")}
    >
      <svg class="bell-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      <span class="bell-word">{sayAlert(locale, "bell")}</span>
      {n ? (
        <span class="tab-count" aria-hidden="true">
          {n}
        </span>
      ) : null}
    </a>
  );
}
