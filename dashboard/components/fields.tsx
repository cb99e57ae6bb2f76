/**
 * The dashboard's form controls, each in its Labelled frame: a text input (Field), a select
 * (Choice), a textarea (TextArea), and the submit/cancel buttons a form ends with. A control's id
 * is its form's name and its own (`account-email`), so two forms on one page never share one.
 */
import type { ComponentChildren, Ref, TargetedEvent } from "preact";
import { describedBy, Labelled } from "./labelled.tsx";

/** A labelled input whose error, when it has one, is beside it and read with it. */
export function Field({
  name,
  label,
  error,
  hint,
  form,
  type = "text",
  ...input
}: {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  form?: string;
  type?: "text" | "email" | "number" | "time" | "password" | "url";
  value?: string;
  defaultValue?: string;
  placeholder?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  inputMode?: "numeric" | "url" | "email";
  autoComplete?: string;
  readOnly?: boolean;
  onInput?: (event: TargetedEvent<HTMLInputElement>) => void;
}) {
  const id = `${form ?? "f"}-${name}`;
  return (
    <Labelled id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        // A union of input types does not fit the per-type attribute unions of Preact's JSX.
        type={type as "text"}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </Labelled>
  );
}

/** A select with the same label and error layout as Field; `options` are [value, words] pairs after any `children`. */
export function Choice({
  name,
  label,
  error,
  form,
  children,
  options = [],
  hideLabel = false,
  ...select
}: {
  name: string;
  label: string;
  error?: string;
  form?: string;
  /** Inside a table row, whose column head already says what it is: the label is for screen readers. */
  hideLabel?: boolean;
  children?: ComponentChildren;
  options?: (readonly [value: string, words: string])[];
  value?: string;
  defaultValue?: string;
  disabled?: boolean;
  onChange?: (event: TargetedEvent<HTMLSelectElement>) => void;
}) {
  const id = `${form ?? "f"}-${name}`;
  return (
    <Labelled id={id} label={label} error={error} hideLabel={hideLabel}>
      <select
        id={id}
        name={name}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, undefined, error)}
        {...select}
      >
        {children}
        {options.map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

/** A labelled textarea (a CSV, a note) with the same hint and error layout as Field. */
export function TextArea({
  id,
  label,
  hint,
  error,
  ref,
  ...area
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  ref?: Ref<HTMLTextAreaElement>;
  rows: number;
  value: string;
  maxLength?: number;
  required?: boolean;
  placeholder?: string;
  onInput: (event: TargetedEvent<HTMLTextAreaElement>) => void;
}) {
  return (
    <Labelled id={id} label={label} hint={hint} error={error}>
      <textarea
        ref={ref}
        id={id}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...area}
      />
    </Labelled>
  );
}

/** The buttons a form ends with: submit (off while busy), and a cancel button when `onCancel` is given. */
export function Buttons({
  submit,
  busy,
  cancel,
  onCancel,
}: {
  submit: string;
  busy: boolean;
  cancel?: string;
  onCancel?: () => void;
}) {
  return (
    <div class="buttons">
      <button type="submit" class="primary" disabled={busy}>
        {submit}
      </button>
      {onCancel ? (
        <button type="button" class="secondary" onClick={onCancel}>
          {cancel}
        </button>
      ) : null}
    </div>
  );
}
