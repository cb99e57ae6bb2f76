/**
 * The first-run checklist: services, counters, officers, tablets, a widget
 * origin (optional: not every agency has a website) and the first rating, each
 * ticked from the agency's real data and linking to the screen that does it,
 * which links back here.
 */
import { useRoute } from "preact-iso";
import type { Setup } from "../../../core/responses.ts";
import { Load } from "../../components/states.tsx";
import { count } from "../../format.ts";
import { useApi } from "../../use-api.ts";
import { ManageFrame } from "./frame.tsx";
import { useWords } from "./use-words.ts";
import type { ManageKey } from "./words.ts";

/** The steps in order: what counts, where it is done, its words, and whether completion waits for it. */
const STEPS: {
  key: keyof Omit<Setup, "publicUrl" | "kioskUrl" | "lanUrls" | "agency">;
  href: string;
  title: ManageKey;
  about: ManageKey;
  /** Not every agency has a website to embed the widget in: this step is offered, never awaited. */
  optional?: true;
}[] = [
  { key: "services", href: "manage/services", title: "stepServices", about: "stepServicesAbout" },
  { key: "counters", href: "manage/counters", title: "stepCounters", about: "stepCountersAbout" },
  { key: "officers", href: "manage/officers", title: "stepOfficers", about: "stepOfficersAbout" },
  { key: "tablets", href: "manage/tablets", title: "stepTablets", about: "stepTabletsAbout" },
  { key: "origins", href: "manage/widget", title: "stepOrigins", about: "stepOriginsAbout", optional: true },
  // The first rating comes from a tablet or a poster's QR code: the posters are where the last step is taken.
  { key: "ratings", href: "manage/posters", title: "stepRatings", about: "stepRatingsAbout" },
];

/** The steps completion waits for. */
const REQUIRED = STEPS.filter((step) => !step.optional);

/** The query a step's link carries, so the page it opens links back to the checklist. */
const FROM_SETUP = "via=setup";

/** Whether every step that is not optional is done (an agency without a website is done without the widget). */
export const setupDone = (s: Setup) => REQUIRED.every((step) => s[step.key] > 0);

/** The checklist of an agency, as a card (also shown on the overview until it is done). */
export function Checklist({ slug, setup, heading = "h1" }: { slug: string; setup: Setup; heading?: "h1" | "h2" }) {
  const { w, locale } = useWords();
  const Heading = heading;
  const done = REQUIRED.filter((step) => setup[step.key] > 0).length;
  const all = REQUIRED.length;
  return (
    <section class="card checklist" aria-labelledby="checklist-title">
      <Heading id="checklist-title">{w("checklistTitle")}</Heading>
      <p>{w(done === all ? "checklistDone" : "checklistProgress", { done, all })}</p>
      <progress max={all} value={done} aria-label={w("checklistTitle")} />
      <ol class="steps">
        {STEPS.map((step) => {
          const ok = setup[step.key] > 0;
          return (
            <li key={step.key} class={ok ? "step done" : step.optional ? "step optional" : "step"}>
              <span class="tick" aria-hidden="true">
                {ok ? "✓" : ""}
              </span>
              <div>
                <a href={`/dashboard/a/${slug}/${step.href}?${FROM_SETUP}`}>{w(step.title)}</a>
                {step.optional ? <span class="step-optional"> ({w("stepOptional")})</span> : null}
                <span class="step-state">
                  {" "}
                  · {ok ? w("stepDone", { n: count(setup[step.key], locale) }) : w("stepOpen")}
                </span>
                <p class="muted">{w(step.about)}</p>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The checklist page. */
export function SetupPage() {
  const { slug } = useRoute().params;
  const { w } = useWords();
  const loaded = useApi<Setup>(`/agencies/${slug}/setup`);
  return (
    <ManageFrame slug={slug} title={w("checklistTitle")}>
      <Load loaded={loaded}>{(setup) => <Checklist slug={slug} setup={setup} />}</Load>
    </ManageFrame>
  );
}
