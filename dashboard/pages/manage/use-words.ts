/** The words hook of the management pages. */
import { useContext } from "preact/hooks";
import { Session } from "../../context.ts";
import { type ManageKey, say } from "./words.ts";

/** The words of the management pages for the signed-in person's language. */
export function useWords() {
  const locale = useContext(Session).locale.value;
  return { locale, w: (key: ManageKey, values?: Record<string, string | number>) => say(locale, key, values) };
}
