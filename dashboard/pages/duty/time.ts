/**
 * Times on the duty pages as people say them: a clock time (with the day when it
 * is not today), how long something has lasted, and how long to wait.
 */
import type { Locale } from "../../../core/questionnaire.ts";
import { intlTag } from "../../../core/words.ts";
import { sayDuty } from "./words.ts";

/** A moment in the browser's time zone: "08.05" today, "29 Nov 08.05" on another day. */
export function clock(ms: number, locale: Locale, now = Date.now()): string {
  const sameDay = new Date(ms).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(intlTag(locale), {
    ...(sameDay ? {} : { day: "numeric", month: "short" }),
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(ms));
}

/** How long from `from` to `now`: "baru saja", "25 menit", "2 jam 5 menit", "1 hari 3 jam". */
export function lasted(from: number, now: number, locale: Locale): string {
  const minutes = Math.max(0, Math.floor((now - from) / 60_000));
  if (minutes < 1) return sayDuty(locale, "justNow");
  if (minutes < 60) return sayDuty(locale, "minutes", { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return sayDuty(locale, "hoursMinutes", { h: hours, m: minutes % 60 });
  return sayDuty(locale, "daysHours", { d: Math.floor(hours / 24), h: hours % 24 });
}

/** A wait the server asked for (Retry-After seconds): "45 detik", "3 menit 20 detik", or "beberapa saat". */
export function waitFor(seconds: number | undefined, locale: Locale): string {
  if (!seconds || seconds < 1) return sayDuty(locale, "aWhile");
  if (seconds < 60) return sayDuty(locale, "seconds", { s: seconds });
  return sayDuty(locale, "minutesSeconds", { m: Math.floor(seconds / 60), s: seconds % 60 });
}

/** A local time of day as the API writes it (HH:MM), written the reader's way: 16.00 in Indonesian, 16:00 in English. */
export const hhmm = (time: string, locale: Locale) => (locale === "id" ? time.replace(":", ".") : time);
