/**
 * The short screens after a tap: the reasons after a low face, the offer of the
 * full survey, and the neutral thank-you that never shows which face was pressed.
 */
import { useEffect, useRef } from "preact/hooks";
import { REASONS } from "../../core/questionnaire.ts";
import { Countdown } from "../components/countdown.tsx";
import type { KioskState } from "../state.ts";
import { text } from "../text.ts";

/** A heading that takes focus when its screen appears, so a screen reader reads the new screen. */
export function ScreenTitle({ children, id }: { children: string; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 ref={ref} id={id} tabIndex={-1} class="screen-title">
      {children}
    </h1>
  );
}

/** The class of a citizen's screen: `settling` while it still refuses taps (its buttons look enabled, but are not). */
export const screenClass = (state: KioskState, name: string) =>
  `screen ${name}${state.settled.value ? "" : " settling"}`;

/** After a low face: one tap on a reason, or skip. */
export function Reasons({ state }: { state: KioskState }) {
  const locale = state.locale.value;
  const next = (code: string | null) => void state.chooseReason(code);
  const early = !state.settled.value;
  return (
    <main class={screenClass(state, "step")}>
      <ScreenTitle>{text(locale, "reasonsTitle")}</ScreenTitle>
      <p class="hint">{text(locale, "reasonsHint")}</p>
      <div class="choices">
        {REASONS.map((reason) => (
          <button key={reason.code} type="button" class="choice" disabled={early} onClick={() => next(reason.code)}>
            {reason.label[locale]}
          </button>
        ))}
      </div>
      <div class="actions">
        <button type="button" class="secondary" disabled={early} onClick={() => next(null)}>
          {text(locale, "skip")}
        </button>
      </div>
      <Countdown state={state} />
    </main>
  );
}

/** The offer of the 9 SKM questions; declining sends the rating as it is. */
export function Offer({ state }: { state: KioskState }) {
  const locale = state.locale.value;
  const early = !state.settled.value;
  return (
    <main class={screenClass(state, "step offer")}>
      <ScreenTitle>{text(locale, "offerTitle")}</ScreenTitle>
      <p class="lead">{text(locale, "offerDetail")}</p>
      <div class="actions actions-stacked">
        <button type="button" class="primary" disabled={early} onClick={() => void state.answerOffer(true)}>
          {text(locale, "offerYes")}
        </button>
        <button type="button" class="secondary" disabled={early} onClick={() => void state.answerOffer(false)}>
          {text(locale, "offerNo")}
        </button>
      </div>
      <Countdown state={state} />
    </main>
  );
}

/** The neutral thank-you: the same whatever the face, then back to idle by itself. */
export function Thanks({ state }: { state: KioskState }) {
  const locale = state.locale.value;
  return (
    <main class="screen thanks" aria-live="polite">
      <svg class="thanks-mark" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        <circle cx="24" cy="24" r="22" fill="currentColor" />
        <path
          d="M14 25 l7 7 l13 -15"
          fill="none"
          stroke="#fff"
          stroke-width="4"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      </svg>
      <ScreenTitle>{text(locale, "thanks")}</ScreenTitle>
      <p class="lead">{text(locale, "thanksDetail")}</p>
    </main>
  );
}
