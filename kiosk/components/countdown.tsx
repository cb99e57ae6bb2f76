/**
 * The visible countdown of a citizen's screen that will give way to the next
 * citizen: shown for the last COUNTDOWN_FROM_MS of its idle wait, so someone who
 * stepped away a moment sees why the screen is about to change. A role="timer"
 * is not a live region (WAI-ARIA 1.2): screen readers read it when reached, not
 * every second.
 */
import { useEffect, useState } from "preact/hooks";
import type { KioskState } from "../state.ts";
import { text } from "../text.ts";

/** How long before the faces come back the countdown shows. */
export const COUNTDOWN_FROM_MS = 15_000;

/** "Back to the start in 12 s", while an open rating's screen waits untouched. */
export function Countdown({ state }: { state: KioskState }) {
  const until = state.idleUntil.value;
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    setNow(Date.now());
    if (until === null) return;
    const tick = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(tick);
  }, [until]);
  const left = until === null ? Number.POSITIVE_INFINITY : until - now;
  const shown = state.rating.value !== null && left <= COUNTDOWN_FROM_MS;
  return (
    <p class="countdown" role="timer" hidden={!shown}>
      {shown ? text(state.locale.value, "idleCountdown", { seconds: Math.max(0, Math.ceil(left / 1_000)) }) : ""}
    </p>
  );
}
