/** The words of <suara-ikm-badge>, Bahasa Indonesia first. */
import { createWords } from "../core/words.ts";

/** A badge word in a locale, with `{period}` (in words: "Semester II 2026") and `{n}` filled. */
export const sayBadge = createWords({
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
});
