/**
 * The words of the hosted rating page's own script (widget/rate-page.ts), Bahasa Indonesia
 * first and English second; the rating element's words are in words.ts.
 */
import { createWords } from "../core/words.ts";

/** A word of the rating page in a locale. */
export const sayOnPage = createWords({
  id: {
    title: "Nilai pelayanan {agency} — Suara",
    service: "Layanan: {name}",
    counter: "Loket: {name}",
    pickService: "Layanan yang Anda terima",
  },
  en: {
    title: "Rate the service of {agency} — Suara",
    service: "Service: {name}",
    counter: "Counter: {name}",
    pickService: "The service you received",
  },
});
