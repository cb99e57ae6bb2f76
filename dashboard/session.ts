/**
 * The dashboard's state: who is signed in (or that nobody is), the language,
 * and whether a session just expired. Signals, testable without a DOM.
 */
import { signal } from "@preact/signals";
import type { Locale } from "../core/questionnaire.ts";
import type { Me } from "../core/responses.ts";

const LOCALE_KEY = "suara.dashboard.locale";

/** The session state of the dashboard. */
export function createSessionState() {
  const stored = localStorage.getItem(LOCALE_KEY);
  const locale = signal<Locale>(stored === "en" ? "en" : "id");
  /** undefined while asking the server, null when nobody is signed in. */
  const me = signal<Me | null | undefined>(undefined);
  const expired = signal(false);
  return {
    me,
    locale,
    expired,
    setLocale(value: Locale) {
      locale.value = value;
      localStorage.setItem(LOCALE_KEY, value);
      document.documentElement.lang = value;
    },
    /** A call answered 401: back to sign-in, on the same page, which it returns to afterwards. */
    sessionEnded() {
      if (me.value) expired.value = true;
      me.value = null;
    },
  };
}

/** The dashboard's session state. */
export type SessionState = ReturnType<typeof createSessionState>;
