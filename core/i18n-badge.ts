/** The words of <suara-ikm-badge>, Bahasa Indonesia first. */
import type { Locale } from "./questionnaire.ts";

const BADGE_MESSAGES = {
  id: {
    ikm: "IKM {period}",
    quick: "Indeks cepat {period}, bukan IKM resmi",
    respondents: "{n} responden SKM",
    ratings: "{n} penilaian",
  },
  en: {
    ikm: "IKM {period}",
    quick: "Quick index {period}, not the official IKM",
    respondents: "{n} SKM respondents",
    ratings: "{n} ratings",
  },
} satisfies Record<Locale, Record<string, string>>;

/** The badge words of a locale. */
export const badgeMessages = (locale: Locale) => BADGE_MESSAGES[locale];
