/**
 * The first-run checklist: services, counters, officers, tablets, a widget
 * origin and the first rating, each ticked from the agency's real data and
 * linking to the screen that does it.
 */
import { useRoute } from "preact-iso";
import type { Setup } from "../../../core/responses.ts";
import { Load } from "../../components/states.tsx";
import { count } from "../../format.ts";
import { useApi } from "../../use-api.ts";
import { ManageFrame } from "./frame.tsx";
import { useWords } from "./use-words.ts";
import type { ManageKey } from "./words.ts";

/** The steps in order: what counts, where it is done, and its words. */
const STEPS: {
  key: keyof Omit<Setup, "publicUrl" | "kioskUrl" | "lanUrls" | "agency">;
  href: string;
  title: ManageKey;
  about: ManageKey;
}[] = [
  { key: "services", href: "manage/services", title: "stepServices", about: "stepServicesAbout" },
  { key: "counters", href: "manage/counters", title: "stepCounters", about: "stepCountersAbout" },
  { key: "officers", href: "manage/officers", title: "stepOfficers", about: "stepOfficersAbout" },
  { key: "tablets", href: "manage/tablets", title: "stepTablets", about: "stepTabletsAbout" },
  { key: "origins", href: "manage/widget", title: "stepOrigins", about: "stepOriginsAbout" },
  { key: "ratings", href: "", title: "stepRatings", about: "stepRatingsAbout" },
];

/** Whether every step is done. */
export const setupDone = (s: Setup) => STEPS.every((step) => s[step.key] > 0);

/** The checklist of an agency, as a card (also shown on the overview until it is done). */
export function Checklist({ slug, setup, heading = "h1" }: { slug: string; setup: Setup; heading?: "h1" | "h2" }) {
  const { w, locale } = useWords();
  const Heading = heading;
  const done = STEPS.filter((step) => setup[step.key] > 0).length;
  return (
    <section class="card checklist" aria-labelledby="checklist-title">
      <Heading id="checklist-title">{w("checklistTitle")}</Heading>
      <p>{w(done === STEPS.length ? "checklistDone" : "checklistProgress", { done, all: STEPS.length })}</p>
      <progress max={STEPS.length} value={done} aria-label={w("checklistTitle")} />
      <ol class="steps">
        {STEPS.map((step) => {
          const ok = setup[step.key] > 0;
          return (
            <li key={step.key} class={ok ? "step done" : "step"}>
              <span class="tick" aria-hidden="true">
                {ok ? "✓" : ""}
              </span>
              <div>
                <a href={`/dashboard/a/${slug}${step.href ? `/${step.href}` : ""}`}>{w(step.title)}</a>
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
