/**
 * The dashboard's state: who is signed in (or that nobody is), the language,
 * and whether a session just expired. Signals and actions only, testable
 * without a DOM; runtime.ts keeps the language and asks who is signed in.
 */
import { signal } from "@preact/signals";
import type { Locale } from "../core/questionnaire.ts";
import type { Me } from "../core/responses.ts";

/** The session state of the dashboard, in `locale` to begin with. */
export function createSessionState(initialLocale: Locale = "id") {
  const locale = signal<Locale>(initialLocale);
  /** undefined while asking the server, null when nobody is signed in. */
  const me = signal<Me | null | undefined>(undefined);
  const expired = signal(false);
  /** The reader's unread notifications (the header's bell asks; the notifications page sets it when it marks some read). */
  const unread = signal(0);
  return {
    me,
    locale,
    expired,
    unread,
    setLocale(value: Locale) {
      locale.value = value;
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
