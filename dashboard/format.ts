/**
 * Numbers, dates and periods as people read them: Indonesian by default
 * (88,45; "Semester II 2026"), English when chosen.
 */
import { type Timezone, ZONE_NAMES } from "../core/period.ts";
import type { Locale } from "../core/questionnaire.ts";
import { intlTag } from "../core/words.ts";

/** A score or index with two decimals (88,45), or a dash when there is none. */
export const score = (value: number | null | undefined, locale: Locale) =>
  value === null || value === undefined
    ? "–"
    : new Intl.NumberFormat(intlTag(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

/** A 95% interval (87,93 – 91,10), or a dash without one. */
export const range = (ci: readonly [number, number] | null | undefined, locale: Locale) =>
  ci ? `${score(ci[0], locale)} – ${score(ci[1], locale)}` : "–";

/** An NRR with four decimals (3,6207). */
export const nrr = (value: number | null | undefined, locale: Locale) =>
  value === null || value === undefined
    ? "–"
    : new Intl.NumberFormat(intlTag(locale), { minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(value);

/** A whole number with thousands grouped (1.589). */
export const count = (value: number, locale: Locale) => new Intl.NumberFormat(intlTag(locale)).format(value);

/**
 * A date and time written out in the agency's zone, with the zone's name ("2 Nov 2026, 08.06 WIB"),
 * never the reader's browser zone; "…" while the agency's zone is still loading (use-zone.ts).
 */
export const dateTime = (iso: string, locale: Locale, zone: Timezone | undefined) =>
  zone
    ? `${new Intl.DateTimeFormat(intlTag(locale), { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(new Date(iso))} ${ZONE_NAMES[zone]}`
    : "…";

/** A time of day with seconds in the agency's zone ("08.06.15"), "–" for none: a queue log's times side by side. */
export const clock = (iso: string | null, locale: Locale, zone: Timezone | undefined) =>
  iso === null
    ? "–"
    : zone
      ? new Intl.DateTimeFormat(intlTag(locale), { timeStyle: "medium", timeZone: zone }).format(new Date(iso))
      : "…";

// Days, months and periods in words live in core: the IKM badge names a period as these pages do.
export { day, month, periodWords } from "../core/period-words.ts";

/** The period choices of the picker, relative to a local day. */
export function periodChoices(today = new Date()) {
  const y = today.getFullYear();
  const mo = today.getMonth() + 1;
  const pad = (n: number) => String(n).padStart(2, "0");
  const last = mo === 1 ? `${y - 1}-12` : `${y}-${pad(mo - 1)}`;
  return {
    thisMonth: `${y}-${pad(mo)}`,
    lastMonth: last,
    quarter: `${y}-Q${Math.ceil(mo / 3)}`,
    semester: `${y}-S${mo <= 6 ? 1 : 2}`,
    lastSemester: mo <= 6 ? `${y - 1}-S2` : `${y}-S1`,
    year: `${y}`,
  };
}
