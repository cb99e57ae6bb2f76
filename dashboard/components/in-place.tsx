/**
 * What every form that opens in place under an item shares (a contest, a reply): a button opens
 * it, cancel closes it, and once sent what was sent replaces it; and the pieces of such a form
 * (a text area with its label, hint and error; the problem line and the buttons).
 * Focus follows what the person did (WCAG 2.4.3 focus order): into the form when it opens
 * (the form's own first field), back to the button once cancelled, to the outcome once sent.
 */
import type { Ref, TargetedEvent } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Locale } from "../../core/questionnaire.ts";
import { ApiFailure } from "../api.ts";
import { describe } from "../use-api.ts";
import { describedBy, Labelled } from "./labelled.tsx";

/** What an in-place form about one rating is given by its control. */
export interface InPlaceFormProps<T> {
  ratingId: string;
  locale: Locale;
  onCancel: () => void;
  onSent: (made: T) => void;
}

/** The state of an in-place form whose outcome, once there, is `T`. */
export function useInPlace<T, E extends HTMLElement = HTMLElement>(initial: T | null) {
  const [current, setCurrent] = useState(initial);
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const outcome = useRef<E>(null);
  useEffect(() => {
    if (sent) outcome.current?.focus();
    else if (cancelled && !open) {
      opener.current?.focus();
      setCancelled(false);
    }
  }, [sent, cancelled, open]);
  return {
    current,
    open,
    opener,
    outcome,
    show: () => setOpen(true),
    cancel: () => {
      setOpen(false);
      setCancelled(true);
    },
    done: (made: T) => {
      setCurrent(made);
      setSent(true);
    },
  };
}

/**
 * A form around one text: `needed` when it is sent empty (focus back to the field), else `send`
 * it; a refusal in words (`refusal` for the codes the form words itself, else the generic ones).
 */
export function useTextForm(
  locale: Locale,
  needed: string,
  send: (text: string) => Promise<void>,
  refusal: (code: string) => string | null = () => null,
) {
  const [value, setValue] = useState("");
  const [error, setError] = useState("");
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const submit = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem("");
    if (!value.trim()) {
      setError(needed);
      field.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await send(value);
    } catch (failure) {
      setProblem((failure instanceof ApiFailure && refusal(failure.code)) || describe(failure, locale));
    }
    setBusy(false);
  };
  const input = (typed: string) => {
    setValue(typed);
    setError("");
  };
  return { value, setValue, error, problem, busy, field, submit, input };
}

/** A text area in its Labelled frame; typing clears the error. */
export function TextArea({
  id,
  label,
  hint,
  error,
  value,
  max,
  rows = 3,
  fieldRef,
  onInput,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  max: number;
  rows?: number;
  fieldRef?: Ref<HTMLTextAreaElement>;
  onInput: (value: string) => void;
}) {
  return (
    <Labelled id={id} label={label} hint={hint} error={error}>
      <textarea
        ref={fieldRef}
        id={id}
        rows={rows}
        maxLength={max}
        value={value}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </Labelled>
  );
}

/** The end of a form: what went wrong (announced), then send and, where the form can close, cancel. */
export function FormEnd({
  problem,
  busy,
  send,
  cancel,
}: {
  problem: string;
  busy: boolean;
  send: string;
  cancel?: { label: string; onClick: () => void };
}) {
  return (
    <>
      <p class="form-problem" role="alert">
        {problem}
      </p>
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy}>
          {send}
        </button>
        {cancel ? (
          <button type="button" class="secondary" onClick={cancel.onClick}>
            {cancel.label}
          </button>
        ) : null}
      </div>
    </>
  );
}
