/** The discreet status corner: online or not, ratings waiting, the last successful sync. */

import type { Locale } from "../../core/questionnaire.ts";
import { intlTag } from "../../core/words.ts";
import type { KioskState } from "../state.ts";
import { text } from "../text.ts";

/** Time of day as the tablet's locale writes it. */
export const clock = (ms: number, locale: Locale) =>
  new Date(ms).toLocaleTimeString(intlTag(locale), { hour: "2-digit", minute: "2-digit" });

/** The status corner (text for screen readers, a dot and counts for the eye). */
export function StatusCorner({ state }: { state: KioskState }) {
  const locale = state.locale.value;
  const online = state.online.value;
  const { waiting } = state.queue.value;
  const synced = state.lastSync.value;
  return (
    <aside class="status-corner" aria-label="Status">
      <span class={`dot ${online ? "dot-on" : "dot-off"}`} aria-hidden="true" />
      <span>{text(locale, online ? "statusOnline" : "statusOffline")}</span>
      {waiting > 0 ? <span> · {text(locale, "waiting", { n: waiting })}</span> : null}
      <span class="status-sync">
        {" · "}
        {synced ? text(locale, "lastSync", { time: clock(synced, locale) }) : text(locale, "neverSynced")}
      </span>
    </aside>
  );
}
