/** The words of <suara-ikm-badge>, Bahasa Indonesia first. */
import { createWords } from "../core/words.ts";

/** A badge word in a locale, with `{period}` (in words: "Semester II 2026"; for `none`, with its leading space or empty), `{n}` and `{at}` (a date) filled. */
export const sayBadge = createWords({
  id: {
    ikm: "IKM {period}",
    respondents: "{n} responden SKM",
    published: "Diterbitkan {at}",
    none: "Hasil survei{period} belum diterbitkan",
  },
  en: {
    ikm: "IKM {period}",
    respondents: "{n} SKM respondents",
    published: "Published {at}",
    none: "Survey results{period} not published yet",
  },
});
