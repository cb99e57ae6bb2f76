/**
 * An officer's right of reply under one comment about them: "Ajukan keberatan"
 * opens a form in place (reason as radio buttons, a note, send and cancel), then
 * the line says it waits for a decision, and later what was decided and why.
 * Focus moves into the form when it opens, back to the button when it is
 * cancelled, and to the outcome once sent (WCAG 2.4.3 focus order).
 */
import type { TargetedEvent } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Contested, ContestState } from "../../core/contest-contract.ts";
import { CONTEST_REASONS, type ContestReason, MAX_CONTEST_NOTE } from "../../core/contest-reasons.ts";
import type { Locale } from "../../core/questionnaire.ts";
import { ApiFailure, api } from "../api.ts";
import { contestRefusal, contestText, reasonText } from "../contest-text.ts";
import { describe } from "../use-api.ts";
import { type InPlaceFormProps, useInPlace } from "./in-place.tsx";
import { describedBy, Labelled } from "./labelled.tsx";

/** The contest control of one rating; `describedBy` is the id of the comment it is about. */
export function ContestReply({
  ratingId,
  contest,
  describedBy,
  locale,
}: {
  ratingId: string;
  contest: ContestState | null;
  describedBy: string;
  locale: Locale;
}) {
  // Focus follows what the officer did: to the outcome once sent, back to the button once cancelled.
  const { current, open, opener, outcome, show, cancel, done } = useInPlace<ContestState, HTMLParagraphElement>(
    contest,
  );
  if (current) return <ContestOutcome contest={current} locale={locale} focusRef={outcome} />;
  if (!open) {
    return (
      <button ref={opener} type="button" class="secondary small no-print" aria-describedby={describedBy} onClick={show}>
        {contestText(locale, "contest")}
      </button>
    );
  }
  return <ContestForm ratingId={ratingId} locale={locale} onCancel={cancel} onSent={done} />;
}

/** The form itself: one reason, a note (needed for "other"), send or cancel. */
function ContestForm({ ratingId, locale, onCancel, onSent }: InPlaceFormProps<ContestState>) {
  const [reason, setReason] = useState<ContestReason | null>(null);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; note?: string }>({});
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);
  const base = `contest-${ratingId}`;
  const noteHint = contestText(locale, "noteHint", { max: MAX_CONTEST_NOTE });

  const submit = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      reason: reason ? undefined : contestText(locale, "pickReason"),
      note: reason === "other" && !note.trim() ? contestText(locale, "noteNeeded") : undefined,
    };
    setErrors(found);
    setProblem("");
    if (found.reason || found.note) {
      (found.reason ? first : noteField).current?.focus();
      return;
    }
    setBusy(true);
    try {
      const made = await api<Contested>(`/me/ratings/${ratingId}/contest`, {
        method: "POST",
        body: { reason, note: note.trim() },
      });
      onSent(made.contest);
    } catch (error) {
      setProblem((error instanceof ApiFailure && contestRefusal(locale, error.code)) || describe(error, locale));
      setBusy(false);
    }
  };

  return (
    <form class="contest-form no-print" aria-labelledby={`${base}-title`} onSubmit={submit} noValidate>
      <h3 id={`${base}-title`}>{contestText(locale, "contestTitle")}</h3>
      <fieldset class="choices" aria-describedby={errors.reason ? `${base}-reason-error` : undefined}>
        <legend>{contestText(locale, "reasonLegend")}</legend>
        {CONTEST_REASONS.map((r, i) => (
          <label key={r}>
            <input
              ref={i === 0 ? first : undefined}
              type="radio"
              name={`${base}-reason`}
              value={r}
              checked={reason === r}
              aria-invalid={errors.reason && i === 0 ? "true" : undefined}
              onChange={() => {
                setReason(r);
                setErrors({});
              }}
            />
            {reasonText(locale, r)}
          </label>
        ))}
        {errors.reason ? (
          <p id={`${base}-reason-error`} class="field-error">
            {errors.reason}
          </p>
        ) : null}
      </fieldset>
      <Labelled id={`${base}-note`} label={contestText(locale, "note")} hint={noteHint} error={errors.note}>
        <textarea
          ref={noteField}
          id={`${base}-note`}
          rows={3}
          maxLength={MAX_CONTEST_NOTE}
          value={note}
          aria-invalid={errors.note ? "true" : undefined}
          aria-describedby={describedBy(`${base}-note`, noteHint, errors.note)}
          onInput={(e) => {
            setNote(e.currentTarget.value);
            setErrors((found) => ({ ...found, note: undefined }));
          }}
        />
      </Labelled>
      <p class="form-problem" role="alert">
        {problem}
      </p>
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy}>
          {contestText(locale, busy ? "sending" : "send")}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {contestText(locale, "cancel")}
        </button>
      </div>
    </form>
  );
}

/** Where a contest stands: waiting, or decided with the decider's note. */
export function ContestOutcome({
  contest,
  locale,
  focusRef,
}: {
  contest: ContestState;
  locale: Locale;
  focusRef?: { current: HTMLParagraphElement | null };
}) {
  const decision = contest.decision;
  return (
    <div class={`contest-state ${decision ?? "pending"}`}>
      <p ref={focusRef} tabIndex={-1} class="contest-state-head">
        {decision ? `${contestText(locale, decision)}. ` : contestText(locale, "pending")}
        {decision ? <span>{contestText(locale, decision === "kept" ? "keptMeans" : "excludedMeans")}</span> : null}
      </p>
      {decision && contest.decisionNote ? (
        <p>{contestText(locale, "decisionNote", { note: contest.decisionNote })}</p>
      ) : null}
      {!decision ? <p>{contestText(locale, "pendingWhy", { reason: reasonText(locale, contest.reason) })}</p> : null}
    </div>
  );
}
