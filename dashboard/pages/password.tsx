/**
 * Choosing one's own password: from the account menu, or before anything else when an admin made
 * the password (`forced`, shown by app.tsx instead of every page). The new password's rules are
 * checked here too (core/password-rules.ts), and the API's refusals shown beside their field.
 */
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import { newPasswordProblem } from "../../core/password-rules.ts";
import type { Me } from "../../core/responses.ts";
import { type AccountKey, refusalWords, sayAccount } from "../account-words.ts";
import { ApiFailure, api } from "../api.ts";
import { describedBy, Labelled } from "../components/labelled.tsx";
import { Layout } from "../components/layout.tsx";
import { LanguageSwitch, SignOut } from "../components/session-buttons.tsx";
import { Session } from "../context.ts";
import { describe } from "../use-api.ts";

type Fields = "current" | "next" | "repeat";

/** The password page inside the frame (from the account menu). */
export function PasswordPage() {
  return (
    <Layout>
      <PasswordForm forced={false} />
    </Layout>
  );
}

/** The page a person whose password an admin made sees first: only the form, the language and sign-out. */
export function ForcedPasswordPage() {
  return (
    <main class="login">
      <div class="card">
        <PasswordForm forced />
        <div class="row">
          <LanguageSwitch look="link" />
          <SignOut look="link" />
        </div>
      </div>
    </main>
  );
}

function PasswordForm({ forced }: { forced: boolean }) {
  const session = useContext(Session);
  const locale = session.locale.value;
  const me = session.me.value!;
  const w = (key: AccountKey) => sayAccount(locale, key);
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const current = String(data.get("current") ?? "");
    const next = String(data.get("next") ?? "");
    const repeat = String(data.get("repeat") ?? "");
    setOutcome(null);
    // The NIP is not in the session; the API checks it and its refusal shows beside the field.
    const problem = next ? newPasswordProblem(next, { current, email: me.user.email }) : null;
    const found: Partial<Record<Fields, string>> = {
      current: current ? undefined : w("required"),
      next: next ? (problem ? w(problem) : undefined) : w("required"),
      repeat: next && repeat !== next ? w("mismatch") : undefined,
    };
    const first = (["current", "next", "repeat"] as const).find((f) => found[f]);
    setErrors(found);
    if (first) {
      form.querySelector<HTMLInputElement>(`[name=${first}]`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await api("/auth/password", { method: "POST", body: { currentPassword: current, newPassword: next } });
      form.reset();
      setOutcome({ ok: true, message: w("passwordChanged") });
      // Once chosen, the forced page gives way to the page that was asked for.
      if (forced) session.me.value = await api<Me>("/me");
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 401) return session.sessionEnded();
      const code = e instanceof ApiFailure ? e.code : "";
      if (code === "wrong_password") setErrors({ current: w("wrong_password") });
      else if (code.startsWith("password_")) setErrors({ next: w(code as AccountKey) });
      else setOutcome({ ok: false, message: refusalWords(locale, e) ?? describe(e, locale) });
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Fields, label: string, autoComplete: string, hint?: string) => (
    <Labelled id={`password-${name}`} label={label} hint={hint} error={errors[name]}>
      <input
        id={`password-${name}`}
        name={name}
        type="password"
        autoComplete={autoComplete}
        maxLength={200}
        aria-invalid={errors[name] ? "true" : undefined}
        aria-describedby={describedBy(`password-${name}`, hint, errors[name])}
      />
    </Labelled>
  );

  return (
    <section class={forced ? undefined : "card narrow"} aria-labelledby="password-title">
      <h1 id="password-title" ref={title} tabIndex={-1}>
        {w(forced ? "forcedTitle" : "passwordTitle")}
      </h1>
      <p class={forced ? "notice" : "muted"}>{w(forced ? "forcedAbout" : "passwordAbout")}</p>
      <form class="stack" noValidate onSubmit={submit}>
        {/* The account's name for password managers, which save the new password under it. */}
        <input type="hidden" name="username" autoComplete="username" value={me.user.email ?? me.user.name} />
        {field("current", w(forced ? "forcedCurrent" : "currentPassword"), "current-password")}
        {field("next", w("newPassword"), "new-password", w("newPasswordHint"))}
        {field("repeat", w("repeatPassword"), "new-password")}
        <div>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? w("saving") : w("savePassword")}
          </button>
        </div>
        <p class="form-problem" role="alert">
          {outcome && !outcome.ok ? outcome.message : ""}
        </p>
        <p class="form-done" role="status">
          {outcome?.ok ? outcome.message : ""}
        </p>
      </form>
    </section>
  );
}
