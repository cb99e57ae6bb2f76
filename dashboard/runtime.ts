/**
 * What runs beside the dashboard's session state in the browser (session.ts
 * holds state and actions only): the reader's language, kept across visits and
 * set on the page, and the first question to the server, who is signed in.
 */
import type { Locale } from "../core/questionnaire.ts";
import type { Me } from "../core/responses.ts";
import { ApiFailure, api } from "./api.ts";
import type { SessionState } from "./session.ts";

const LOCALE_KEY = "suara.dashboard.locale";

/** The language the reader chose on an earlier visit (Bahasa Indonesia unless English). */
export const storedLocale = (): Locale => (localStorage.getItem(LOCALE_KEY) === "en" ? "en" : "id");

/** Keeps the session's language on the page and across visits, and asks the server who is signed in; returns stop. */
export function startSession(session: SessionState): () => void {
  const stop = session.locale.subscribe((locale) => {
    document.documentElement.lang = locale;
    localStorage.setItem(LOCALE_KEY, locale);
  });
  api<Me>("/me").then(
    (me) => {
      session.me.value = me;
    },
    (error) => {
      session.me.value = null;
      if (!(error instanceof ApiFailure) || error.status !== 401) console.warn("Suara:", error);
    },
  );
  return stop;
}
