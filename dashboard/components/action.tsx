/**
 * A form's action: read its values, check them, call the API, and keep the outcome, with the
 * API's refusals turned into errors beside their fields (a clash names the field it clashes on),
 * a line saying what was done, and row buttons that run one call each.
 */
import type { TargetedEvent } from "preact";
import { useContext, useState } from "preact/hooks";
import { ApiFailure } from "../api.ts";
import { Session } from "../context.ts";
import { say } from "../pages/manage/words.ts";
import { describe } from "../use-api.ts";

/** Errors by field name. */
export type FieldErrors = Record<string, string>;

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

/** The form's values as strings, trimmed. */
export const values = (form: HTMLFormElement): Record<string, string> =>
  Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()]));

/**
 * A form's submit handler: the page stays (no browser submit), and `use` gets the form's
 * trimmed values and the form itself (to reset it once saved).
 */
export const onValues =
  (use: (v: Record<string, string>, form: HTMLFormElement) => unknown) =>
  (event: TargetedEvent<HTMLFormElement, SubmitEvent>) => {
    event.preventDefault();
    void use(values(event.currentTarget), event.currentTarget);
  };

/** A client check: `message` when `bad`, else nothing. */
export const when = (bad: boolean, message: string) => (bad ? message : "");

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
