/**
 * The two buttons every screen of a signed-in person (and the sign-in page, the language
 * one) offers: the other language, named in that language, and signing out.
 */
import { useContext } from "preact/hooks";
import { api } from "../api.ts";
import { Session } from "../context.ts";
import { text } from "../text.ts";

/** Switches to the other language; `look` is the button's class (a link on the sign-in card, a button in the frame). */
export function LanguageSwitch({ look }: { look: "link" | "secondary" }) {
  const session = useContext(Session);
  const locale = session.locale.value;
  return (
    <button
      type="button"
      class={look}
      lang={locale === "id" ? "en" : "id"}
      aria-label={text(locale, "languageLabel")}
      onClick={() => session.setLocale(locale === "id" ? "en" : "id")}
    >
      {text(locale, "language")}
    </button>
  );
}

/** Ends the session on the server (a failure there still signs out here). */
export function SignOut({ look }: { look: "link" | "secondary" }) {
  const session = useContext(Session);
  return (
    <button
      type="button"
      class={look}
      onClick={async () => {
        await api("/auth/logout", { method: "POST" }).catch(() => undefined);
        session.me.value = null;
      }}
    >
      {text(session.locale.value, "signOut")}
    </button>
  );
}
