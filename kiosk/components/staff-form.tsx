/**
 * The pieces the staff menu's forms share: NIP and PIN fields as the API checks them,
 * an action's busy state and its outcome worded in the kiosk's language.
 */
import { useState } from "preact/hooks";
import { CallFailed } from "../api.ts";
import type { KioskState } from "../state.ts";
import { errorText, text } from "../text.ts";

/** A form's outcome: a message to show and whether it is an error. */
export type Outcome = { message: string; error: boolean } | null;

const failure = (locale: KioskState["locale"]["value"], error: unknown): Outcome => ({
  message: errorText(locale, error instanceof CallFailed ? error.code : "unknown"),
  error: true,
});

/**
 * A staff action: `run` marks it busy, does it, and shows what it returns (a message, or
 * nothing) or the server's refusal in words; it resolves whether the action succeeded.
 */
export function useAction(locale: KioskState["locale"]["value"]) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    try {
      const message = await action();
      if (message !== null) setOutcome({ message, error: false });
      return true;
    } catch (error) {
      setOutcome(failure(locale, error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { outcome, setOutcome, busy, run };
}

/** Where an action's outcome is announced: a status, or an alert for a refusal. */
export function Message({ outcome }: { outcome: Outcome }) {
  return (
    <p role={outcome?.error ? "alert" : "status"} class={outcome?.error ? "error" : "ok"}>
      {outcome?.message ?? ""}
    </p>
  );
}

/** NIP and PIN fields, checked as the API checks them. */
export function Credentials({ prefix, locale }: { prefix: string; locale: KioskState["locale"]["value"] }) {
  return (
    <div class="fields">
      <label for={`${prefix}-nip`}>{text(locale, "nip")}</label>
      <input
        id={`${prefix}-nip`}
        name="nip"
        inputMode="numeric"
        pattern="\d{18}"
        maxLength={18}
        autoComplete="off"
        required
      />
      <label for={`${prefix}-pin`}>{text(locale, "pin")}</label>
      <PinInput id={`${prefix}-pin`} />
    </div>
  );
}

/** An officer's 6-digit kiosk PIN, checked as the API checks it; `focus` puts the cursor in it at once. */
export function PinInput({ id, focus = false }: { id: string; focus?: boolean }) {
  return (
    <input
      id={id}
      name="pin"
      type="password"
      inputMode="numeric"
      pattern="\d{6}"
      maxLength={6}
      autoComplete="off"
      required
      ref={focus ? (input) => input?.focus() : undefined}
    />
  );
}

/** The NIP and PIN a staff form holds. */
export const fieldsOf = (form: HTMLFormElement) => {
  const data = new FormData(form);
  return { nip: String(data.get("nip") ?? "").trim(), pin: String(data.get("pin") ?? "").trim() };
};
