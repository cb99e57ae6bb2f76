/**
 * Reporting periods cut in the agency's timezone. Indonesia's three zones have
 * fixed offsets and no daylight saving, so a local day is the UTC instant plus
 * a whole number of hours.
 */

/** The agency timezones Suara supports, with their UTC offsets in hours. */
export const TIMEZONES = { "Asia/Jakarta": 7, "Asia/Makassar": 8, "Asia/Jayapura": 9 } as const;
/** An agency timezone. */
export type Timezone = keyof typeof TIMEZONES;
/** The agency timezones by name, for the schema and the contract. */
export const TIMEZONE_NAMES = Object.keys(TIMEZONES) as [Timezone, ...Timezone[]];

/** A period as an inclusive range of local days (YYYY-MM-DD). */
export interface Period {
  /** The period as asked: `2026-11`, `2026-Q4`, `2026-S2`, `2026` or `2026-01-05..2026-02-10`. */
  label: string;
  from: string;
  to: string;
}

const HOUR = 3_600_000;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const isoDay = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The local day (YYYY-MM-DD) of an instant (ms since epoch) in a timezone. */
export function localDay(instant: number, timezone: Timezone): string {
  return new Date(instant + TIMEZONES[timezone] * HOUR).toISOString().slice(0, 10);
}

/** The local date and time (YYYY-MM-DD HH:MM:SS) of an instant in a timezone, as a spreadsheet reads it. */
export function localDateTime(instant: number, timezone: Timezone): string {
  return new Date(instant + TIMEZONES[timezone] * HOUR).toISOString().slice(0, 19).replace("T", " ");
}

/** What Indonesians call each zone: WIB, WITA, WIT. */
export const ZONE_NAMES: Record<Timezone, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

/** The instant (ms) at which a local day starts in a timezone. */
export function startOfLocalDay(day: string, timezone: Timezone): number {
  return Date.parse(`${day}T00:00:00Z`) - TIMEZONES[timezone] * HOUR;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isValidDay(day: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDayOfMonth(y, m);
}

/**
 * Parses a period: a month `2026-11`, a quarter `2026-Q4`, a semester `2026-S2`
 * (S1 January–June, S2 July–December) or a year `2026`. Returns null when the
 * text is none of these.
 */
export function parsePeriod(text: string): Period | null {
  let match = /^(\d{4})$/.exec(text);
  if (match) return monthRange(text, Number(match[1]), 1, 12);
  match = /^(\d{4})-(\d{2})$/.exec(text);
  if (match) {
    const month = Number(match[2]);
    return month >= 1 && month <= 12 ? monthRange(text, Number(match[1]), month, month) : null;
  }
  match = /^(\d{4})-Q([1-4])$/.exec(text);
  if (match) {
    const q = Number(match[2]);
    return monthRange(text, Number(match[1]), q * 3 - 2, q * 3);
  }
  match = /^(\d{4})-S([12])$/.exec(text);
  if (match) {
    const s = Number(match[2]);
    return monthRange(text, Number(match[1]), s * 6 - 5, s * 6);
  }
  return null;
}

function monthRange(label: string, year: number, first: number, last: number): Period | null {
  if (year < 2000 || year > 2100) return null;
  return { label, from: isoDay(year, first, 1), to: isoDay(year, last, lastDayOfMonth(year, last)) };
}

/** A period from two inclusive local days, or null when either is invalid or from > to. */
export function rangePeriod(from: string, to: string): Period | null {
  if (!isValidDay(from) || !isValidDay(to) || from > to) return null;
  return { label: `${from}..${to}`, from, to };
}

/** The semester (e.g. `2026-S2`) that contains an instant in a timezone. */
export function currentSemester(instant: number, timezone: Timezone): string {
  const day = localDay(instant, timezone);
  return `${day.slice(0, 4)}-S${Number(day.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** The months (YYYY-MM) that a period touches, oldest first. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let [y, m] = [Number(period.from.slice(0, 4)), Number(period.from.slice(5, 7))];
  const end = period.to.slice(0, 7);
  for (let month = `${pad(y, 4)}-${pad(m)}`; month <= end; month = `${pad(y, 4)}-${pad(m)}`) {
    months.push(month);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y += 1;
  }
  return months;
}
