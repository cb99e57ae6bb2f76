/**
 * What every management form shares: a labelled field with its error beside it,
 * an action that checks input first and turns the API's refusals into those
 * errors (a clash names the field it clashes on), a line saying what was done,
 * and secrets shown once.
 */
import type { ComponentChildren, TargetedEvent } from "preact";
import { useContext, useState } from "preact/hooks";
import { ApiFailure } from "../../api.ts";
import { describedBy, Labelled } from "../../components/labelled.tsx";
import { Session } from "../../context.ts";
import { describe } from "../../use-api.ts";
import { type ManageKey, say } from "./words.ts";

export { describedBy, Labelled };

/** Errors by field name. */
export type FieldErrors = Record<string, string>;

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
  type?: "text" | "email" | "number" | "time";
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

/** A select with the same label and error layout as Field. */
export function Choice({
  name,
  label,
  error,
  form,
  children,
  hideLabel = false,
  ...select
}: {
  name: string;
  label: string;
  error?: string;
  form?: string;
  /** Inside a table row, whose column head already says what it is: the label is for screen readers. */
  hideLabel?: boolean;
  children: ComponentChildren;
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
      </select>
    </Labelled>
  );
}

/** Options of one run of an action. */
interface RunOptions {
  /** Problems found before anything is sent, by field; any stops the call. */
  check?: FieldErrors;
  /** The field a 409 clash is about (a code, slug, NIP or e-mail in use). */
  clash?: string;
  /** What to say once it worked. */
  done?: string;
  /** Words for a refusal this form knows by its code (e.g. counter_busy), or nothing for the usual wording. */
  refusal?: (failure: ApiFailure) => string | undefined;
}

/**
 * An action of a form: `run(call, options)` checks, calls, and keeps the
 * outcome. Refusals land beside their field (by the API's issue paths) or,
 * when they name none, above the form. Nothing changes on the server when a
 * check fails, since nothing is sent.
 */
export function useAction() {
  const session = useContext(Session);
  const locale = session.locale.value;
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function run<T>(call: () => Promise<T>, options: RunOptions = {}): Promise<T | undefined> {
    setDone(null);
    setProblem(null);
    const found = Object.fromEntries(Object.entries(options.check ?? {}).filter(([, v]) => v));
    setErrors(found);
    if (Object.keys(found).length) return undefined;
    setBusy(true);
    try {
      const result = await call();
      if (options.done) setDone(options.done);
      return result;
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 401) {
        session.sessionEnded();
        return undefined;
      }
      const known = error instanceof ApiFailure ? options.refusal?.(error) : undefined;
      const fields = known ? null : fieldErrors(error, locale, options.clash);
      if (fields) setErrors(fields);
      else setProblem(known ?? describe(error, locale));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, errors, problem, done, run, clear: () => setErrors({}) };
}

/** A refusal as errors by field, or null when it names no field. */
function fieldErrors(error: unknown, locale: "id" | "en", clash?: string): FieldErrors | null {
  if (!(error instanceof ApiFailure)) return null;
  if (error.status === 409 && clash) return { [clash]: say(locale, "taken") };
  if (error.status === 400 && Array.isArray(error.details)) {
    const fields: FieldErrors = {};
    for (const issue of error.details as { path: string; message: string }[]) {
      fields[issue.path.split(".")[0] || "form"] ??= `${say(locale, "invalid")} (${issue.message})`;
    }
    return Object.keys(fields).length ? fields : null;
  }
  return null;
}

/** The outcome lines above a form: a refusal naming no field, or what was done. */
export function Outcome({ action }: { action: ReturnType<typeof useAction> }) {
  return (
    <>
      <p class="form-problem" role="alert">
        {action.problem ?? ""}
      </p>
      <p class="form-done" role="status">
        {action.done ?? ""}
      </p>
    </>
  );
}

/** A secret shown once: what it is (and whose), the secret, and the note to keep it. */
export interface Shown {
  label: string;
  value: string;
  note: string;
}

/** A secret (a password or PIN) shown once, with who it is for. */
export function Secret({ label, value, note }: Shown) {
  return (
    <div class="secret" role="status">
      <p>
        {label}: <strong class="secret-value">{value}</strong>
      </p>
      <p class="muted">{note}</p>
    </div>
  );
}

/** Random digits (a PIN) or letters and digits (a password) from the browser's secure random source. */
export function randomSecret(kind: "pin" | "password"): string {
  const alphabet = kind === "pin" ? "0123456789" : "abcdefghjkmnpqrstuvwxyz23456789";
  const length = kind === "pin" ? 6 : 12;
  // Bytes at or above the last whole multiple of the alphabet are skipped, so every character is equally likely.
  const limit = 256 - (256 % alphabet.length);
  let secret = "";
  while (secret.length < length) {
    for (const b of crypto.getRandomValues(new Uint8Array(length))) {
      if (b < limit && secret.length < length) secret += alphabet[b % alphabet.length];
    }
  }
  return secret;
}

/** The form's values as strings, trimmed. */
export const values = (form: HTMLFormElement): Record<string, string> =>
  Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()]));

/** A client check: `message` when `bad`, else nothing. */
export const when = (bad: boolean, message: string) => (bad ? message : "");

/** The words of the management pages for the signed-in person's language. */
export function useWords() {
  const locale = useContext(Session).locale.value;
  return { locale, w: (key: ManageKey, values?: Record<string, string | number>) => say(locale, key, values) };
}

/** An e-mail address as the forms check it before the API does. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The head row of a management table. */
export function Heads({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * A row's action: a small button named for its row (`label`, e.g. "Arsipkan Loket 1"),
 * which asks `ask` first when given, runs `call` through `act`, then `onDone`.
 */
export function RowButton({
  act,
  text,
  label,
  ask,
  done,
  disabled = false,
  call,
  onDone,
}: {
  act: ReturnType<typeof useAction>;
  text: string;
  label: string;
  ask?: string;
  done?: string;
  disabled?: boolean;
  call: () => Promise<unknown>;
  onDone?: () => void;
}) {
  return (
    <button
      type="button"
      class="secondary small"
      aria-label={label}
      disabled={act.busy || disabled}
      onClick={async () => {
        if (ask && !confirm(ask)) return;
        if ((await act.run(call, { done })) !== undefined) onDone?.();
      }}
    >
      {text}
    </button>
  );
}
