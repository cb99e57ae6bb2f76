/**
 * The full SKM survey (PermenPANRB 14/2017), loaded on demand: the 9 questions
 * one per screen with the regulation's answer labels, then the service received
 * (when the counter gives several), a comment and the optional respondent
 * profile. Every answer completes the rating tapped at the start (same id, one
 * row) and is kept in IndexedDB as it is given.
 */
import { useRef, useState } from "preact/hooks";
import type { RatingInput } from "../../core/contract.ts";
import { PROFILE_FIELDS, readAge } from "../../core/profile.ts";
import { ELEMENTS, PROFILE } from "../../core/questionnaire.ts";
import { Countdown } from "../components/countdown.tsx";
import type { KioskState } from "../state.ts";
import { text } from "../text.ts";
import { ScreenTitle, screenClass } from "./steps.tsx";

type Step = { kind: "question"; index: number } | { kind: "service" } | { kind: "comment" } | { kind: "profile" };

/** The survey's steps for this counter. */
function stepsFor(asksService: boolean): Step[] {
  return [
    ...ELEMENTS.map((_, index) => ({ kind: "question" as const, index })),
    ...(asksService ? [{ kind: "service" as const }] : []),
    { kind: "comment" },
    { kind: "profile" },
  ];
}

/** The survey, from the first question to the profile. */
export function Survey({ state }: { state: KioskState }) {
  const steps = stepsFor(state.asksService.value);
  const [at, setAt] = useState(0);
  const step = steps[at];
  const go = (to: number) => {
    state.touch();
    if (to < 0) state.show("offer");
    else if (to >= steps.length) void state.finish();
    else {
      // A new step is a new screen: the second tap of a double tap must not answer it.
      state.show();
      setAt(to);
    }
  };
  const props = { state, next: () => go(at + 1), back: () => go(at - 1) };
  if (step.kind === "question") return <Question key={step.index} index={step.index} {...props} />;
  if (step.kind === "service") return <ServiceStep {...props} />;
  if (step.kind === "comment") return <CommentStep {...props} />;
  return <ProfileStep {...props} />;
}

interface StepProps {
  state: KioskState;
  next: () => void;
  back: () => void;
}

function Nav({ state, next, back }: StepProps) {
  const locale = state.locale.value;
  const early = !state.settled.value;
  return (
    <div class="actions nav">
      <button type="button" class="secondary" disabled={early} onClick={back}>
        ← {text(locale, "back")}
      </button>
      <button type="button" class="secondary" disabled={early} onClick={next}>
        {text(locale, "skip")} →
      </button>
    </div>
  );
}

function Question({ index, ...props }: StepProps & { index: number }) {
  const { state, next } = props;
  const locale = state.locale.value;
  const element = ELEMENTS[index];
  const chosen = state.rating.value?.answers?.[element.id];
  const answer = async (value: 1 | 2 | 3 | 4) => {
    if (!state.takesTap()) return;
    await state.update({ answers: { ...state.rating.value?.answers, [element.id]: value } });
    next();
  };
  const progress = text(locale, "progress", { n: index + 1, total: ELEMENTS.length });
  return (
    <main class={screenClass(state, "step question")}>
      <div class="progress">
        <span>{progress}</span>
        <progress max={ELEMENTS.length} value={index + 1} aria-label={progress} />
      </div>
      <p class="element-name">{element.name[locale]}</p>
      <ScreenTitle>{element.question[locale]}</ScreenTitle>
      <div class="answers">
        {element.answers.map((label, i) => (
          <button
            key={label.id}
            type="button"
            class={`answer answer-${i + 1}`}
            aria-pressed={chosen === i + 1}
            disabled={!state.settled.value}
            onClick={() => void answer((i + 1) as 1 | 2 | 3 | 4)}
          >
            {label[locale]}
          </button>
        ))}
      </div>
      <Nav {...props} />
      <Countdown state={state} />
    </main>
  );
}

function ServiceStep(props: StepProps) {
  const { state, next } = props;
  const locale = state.locale.value;
  const current = state.rating.value?.service;
  return (
    <main class={screenClass(state, "step")}>
      <ScreenTitle>{text(locale, "serviceTitle")}</ScreenTitle>
      <div class="choices">
        {state.setup.value.services.map((service) => (
          <button
            key={service.slug}
            type="button"
            class="choice"
            aria-pressed={current === service.slug}
            disabled={!state.settled.value}
            onClick={async () => {
              if (!state.takesTap()) return;
              await state.update({ service: service.slug });
              next();
            }}
          >
            {service.name}
          </button>
        ))}
      </div>
      <Nav {...props} />
      <Countdown state={state} />
    </main>
  );
}

function CommentStep(props: StepProps) {
  const { state, next } = props;
  const locale = state.locale.value;
  const [comment, setComment] = useState(state.rating.value?.comment ?? "");
  return (
    <main class="screen step">
      <ScreenTitle>{text(locale, "commentTitle")}</ScreenTitle>
      <form
        class="comment-form"
        onSubmit={async (event) => {
          event.preventDefault();
          await state.update({ comment: comment.trim() || undefined });
          next();
        }}
      >
        <label for="comment">{text(locale, "commentLabel")}</label>
        <textarea
          id="comment"
          rows={4}
          maxLength={1000}
          aria-describedby="comment-hint"
          value={comment}
          onInput={(e) => {
            state.touch();
            setComment((e.target as HTMLTextAreaElement).value);
          }}
        />
        <p id="comment-hint" class="hint">
          {text(locale, "commentHint")}
        </p>
        <div class="actions">
          <button type="button" class="secondary" onClick={props.back}>
            ← {text(locale, "back")}
          </button>
          <button type="submit" class="primary">
            {text(locale, "next")} →
          </button>
        </div>
      </form>
      <Countdown state={state} />
    </main>
  );
}

type Profile = NonNullable<RatingInput["respondent"]>;

function ProfileStep(props: StepProps) {
  const { state } = props;
  const locale = state.locale.value;
  const profile: Profile = state.rating.value?.respondent ?? {};
  const [ageTyped, setAgeTyped] = useState(profile.age === undefined ? "" : String(profile.age));
  // Shown once the field is left or "Selesai" pressed, not while the citizen is still typing.
  const [ageShown, setAgeShown] = useState(false);
  const ageRead = readAge(ageTyped);
  const ageProblem = "problem" in ageRead ? ageRead.problem[locale] : "";
  const ageField = useRef<HTMLInputElement>(null);
  const set = (fields: Partial<Profile>) => void state.update({ respondent: { ...profile, ...fields } });
  const group = (key: "gender" | "education" | "occupation") => (
    <fieldset key={key} class="profile-group">
      <legend>{text(locale, key)}</legend>
      <div class="chips">
        {PROFILE[key].map((option) => (
          <button
            key={option.code}
            type="button"
            class="chip"
            aria-pressed={profile[key] === option.code}
            onClick={() => set({ [key]: profile[key] === option.code ? undefined : option.code })}
          >
            {option.label[locale]}
          </button>
        ))}
      </div>
    </fieldset>
  );
  const age = (
    <div key="age" class="profile-group">
      <label for="age">{text(locale, "age")}</label>
      <input
        ref={ageField}
        id="age"
        inputMode="numeric"
        autoComplete="off"
        aria-invalid={ageShown && ageProblem ? "true" : undefined}
        aria-describedby="age-error"
        value={ageTyped}
        onInput={(e) => {
          const typed = (e.target as HTMLInputElement).value;
          setAgeTyped(typed);
          const read = readAge(typed);
          // An impossible age is not kept (the API would refuse the whole rating); the message says so.
          set({ age: "age" in read ? read.age : undefined });
          if ("age" in read) setAgeShown(false);
        }}
        onBlur={() => setAgeShown(true)}
      />
      <p id="age-error" class="error" role="alert">
        {ageShown ? ageProblem : ""}
      </p>
    </div>
  );
  return (
    <main class="screen step profile">
      <ScreenTitle>{text(locale, "profileTitle")}</ScreenTitle>
      {PROFILE_FIELDS.map((field) => (field === "age" ? age : group(field)))}
      <div class="actions">
        <button type="button" class="secondary" onClick={props.back}>
          ← {text(locale, "back")}
        </button>
        <button
          type="button"
          class="primary"
          onClick={() => {
            if (ageProblem) {
              setAgeShown(true);
              ageField.current?.focus();
              return;
            }
            void state.finish();
          }}
        >
          {text(locale, "done")}
        </button>
      </div>
      <Countdown state={state} />
    </main>
  );
}
