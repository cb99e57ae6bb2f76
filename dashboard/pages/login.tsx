/**
 * Sign-in by NIP (officers) or e-mail; after it the page that was asked for shows (the URL never changed),
 * or first "choose your own password" when an admin made it. A refusal says why and for how long.
 */
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import type { Me } from "../../core/responses.ts";
import { refusalWords } from "../account-words.ts";
import { ApiFailure, api } from "../api.ts";
import { LanguageSwitch } from "../components/session-buttons.tsx";
import { Session } from "../context.ts";
import { text } from "../text.ts";
import { describe } from "../use-api.ts";

/** The sign-in page. */
export function Login() {
  const session = useContext(Session);
  const locale = session.locale.value;
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  const submit = async (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const identity = String(data.get("identity") ?? "").trim();
    const password = String(data.get("password") ?? "");
    setBusy(true);
    setError("");
    try {
      await api("/auth/login", {
        method: "POST",
        body: identity.includes("@") ? { email: identity, password } : { nip: identity, password },
      });
      session.expired.value = false;
      session.me.value = await api<Me>("/me");
    } catch (e) {
      setError(
        e instanceof ApiFailure && e.code === "invalid_credentials"
          ? text(locale, "wrongCredentials")
          : e instanceof ApiFailure && e.code === "invalid_request"
            ? text(locale, "fillIn")
            : // Too many attempts (why, and for how long) or a deactivated account, in words.
              (refusalWords(locale, e) ?? describe(e, locale)),
      );
      setBusy(false);
    }
  };
  return (
    <main class="login">
      <div class="card">
        <h1 ref={title} tabIndex={-1}>
          {text(locale, "signInTitle")}
        </h1>
        {session.expired.value ? <p class="notice">{text(locale, "sessionExpired")}</p> : null}
        <form onSubmit={submit}>
          <label for="identity">{text(locale, "identity")}</label>
          <input id="identity" name="identity" autoComplete="username" required />
          <label for="password">{text(locale, "password")}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
          <button type="submit" class="primary" disabled={busy}>
            {busy ? text(locale, "signingIn") : text(locale, "signIn")}
          </button>
          <p role="alert" class="error">
            {error}
          </p>
        </form>
        <LanguageSwitch look="link" />
      </div>
    </main>
  );
}
