/**
 * What the faces give way to once the counter is archived (docs/design.md, "Archiving"): a calm
 * word for the citizen (rate at another counter), and for staff how the queue stands: the tablet
 * stays paired and keeps sending what it made before; once all is sent, how to use it elsewhere.
 */

import { ScreenTitle } from "../pages/steps.tsx";
import type { KioskState } from "../state.ts";
import { text } from "../text.ts";

/** The archived counter's notice, in place of the faces. */
export function ArchivedNotice({ state, onStaff }: { state: KioskState; onStaff: () => void }) {
  const locale = state.locale.value;
  const left = state.undelivered.value;
  return (
    <main class="home-main archived">
      <ScreenTitle>{text(locale, "archivedTitle")}</ScreenTitle>
      <p class="lead">{text(locale, "archivedDetail", { counter: state.setup.value.counterName })}</p>
      <section class="archived-staff" aria-labelledby="archived-staff-title">
        <h2 id="archived-staff-title">{text(locale, "archivedStaffTitle")}</h2>
        <p role="status">{left > 0 ? text(locale, "archivedSending", { n: left }) : text(locale, "archivedDone")}</p>
        <button type="button" class="secondary" onClick={onStaff}>
          {text(locale, "archivedStaffMenu")}
        </button>
      </section>
    </main>
  );
}
