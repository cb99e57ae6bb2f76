/** One frame for every form field of the dashboard: label, hint and error around a control. */
import type { ComponentChildren } from "preact";

/**
 * What every field shares around its control (input, select, textarea): the
 * label, a hint and the error, each with an id the control names in
 * aria-describedby (describedBy), so a screen reader reads them with it.
 */
export function Labelled({
  id,
  label,
  hint,
  error,
  hideLabel = false,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** Inside a table row, whose column head already says what it is: the label is for screen readers. */
  hideLabel?: boolean;
  children: ComponentChildren;
}) {
  return (
    <div class={`field${error ? " invalid" : ""}`}>
      <label for={id} class={hideLabel ? "visually-hidden" : undefined}>
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The aria-describedby of a control inside Labelled: its hint and its error, those it has. */
export const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
