/**
 * Periods, months and days as people read them, in Bahasa Indonesia or English:
 * `2026-S2` is "Semester II 2026", `2026-Q4` "Triwulan IV 2026" / "Q4 2026". One
 * function for every face that names a period (the dashboard's pages, the IKM
 * badge), so a report and the badge beside it never call one period two ways.
 */
import type { Locale } from "./questionnaire.ts";
import { createWords, intlTag } from "./words.ts";

const sayPeriod = createWords({
  id: {
    quarter: "Triwulan {roman} {year}",
    semester: "Semester {roman} {year}",
    year: "Tahun {year}",
    range: "{from} – {to}",
  },
  en: {
    quarter: "Q{n} {year}",
    semester: "Semester {roman} {year}",
    year: "Year {year}",
    range: "{from} – {to}",
  },
});

const ROMAN = ["I", "II", "III", "IV"];

/** A local day (YYYY-MM-DD), written out: "5 Jan 2026". */
export const day = (value: string, locale: Locale) =>
  new Intl.DateTimeFormat(intlTag(locale), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${value}T00:00:00Z`),
  );

/** A month (YYYY-MM), written out: "November 2026", or "Nov 2026" when short. */
export const month = (value: string, locale: Locale, short = false) =>
  new Intl.DateTimeFormat(intlTag(locale), {
    month: short ? "short" : "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${value}-01T00:00:00Z`));

/**
 * A period as the API names it (`2026-11`, `2026-Q4`, `2026-S2`, `2026`, or a
 * `from..to` range; core/period.ts parses them), written out in a locale. Text
 * that is none of these comes back as it is.
 */
export function periodWords(label: string, locale: Locale): string {
  let m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) return month(label, locale);
  m = /^(\d{4})-(?:Q([1-4])|S([12]))$/.exec(label);
  if (m) {
    const n = Number(m[2] ?? m[3]);
    return sayPeriod(locale, m[2] ? "quarter" : "semester", { n, roman: ROMAN[n - 1], year: m[1] });
  }
  m = /^(\d{4})$/.exec(label);
  if (m) return sayPeriod(locale, "year", { year: m[1] });
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(label);
  if (m) return sayPeriod(locale, "range", { from: day(m[1], locale), to: day(m[2], locale) });
  return label;
}
