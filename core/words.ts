/**
 * The one words mechanism of every face (kiosk, dashboard, widget, badge): each area
 * declares its words in Bahasa Indonesia first, whose keys are the keys, and in English
 * with the same keys (a missing English word is a type error), then looks a word up in
 * a locale with its `{name}` placeholders filled. No dependency and a few lines, because
 * the widget's first paint carries it inside a 10 KB budget.
 */
import type { Locale } from "./questionnaire.ts";

/** The values of a word's `{name}` placeholders. */
export type WordValues = Record<string, string | number>;

/**
 * An area's lookup from its two dictionaries: `say(locale, key, values?)`, the word with
 * its `{name}` placeholders filled (one without a value becomes ""). A key made at run
 * time that has no word (an API code new to these words) gives "", so callers can fall
 * back with `||`.
 */
export function createWords<Key extends string>(dictionaries: {
  id: Record<Key, string>;
  en: NoInfer<Record<Key, string>>;
}) {
  return (locale: Locale, key: Key, values: WordValues = {}): string =>
    (dictionaries[locale][key] ?? "").replace(/\{(\w+)\}/g, (_, name) => `${values[name] ?? ""}`);
}

/** The locale of a language tag (an attribute, a page's `lang`): English for `en…`, Bahasa Indonesia for anything else. */
export const localeOf = (tag: string): Locale => (tag.startsWith("en") ? "en" : "id");

/** The language tag Intl formats a locale's numbers and dates with (88,45 and "08.05" in Indonesian; 88.45 in English). */
export const intlTag = (locale: Locale) => (locale === "en" ? "en-GB" : "id-ID");
