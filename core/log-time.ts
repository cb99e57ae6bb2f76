/**
 * Times as queue machines write them in a day log, read in the agency's timezone: ISO 8601 (with
 * an offset it is taken as written), "2026-11-30 08:05", "30/11/2026 08:05:12" (day first, as
 * Indonesia writes dates), "30-11-2026 08.05" (an Indonesian-locale Excel's time), a time alone
 * beside a date column, and an .xlsx cell's date or serial number. Pure, for the dashboard's import
 * (core/visit-log.ts).
 */
import { TIMEZONES, type Timezone } from "./period.ts";

/** Why a time cell gives no instant: it cannot be read, or it is a time of day with no date to put it on. */
export type TimeProblem = "unreadable" | "no_date";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Excel's day 0 (serial numbers count days from 1899-12-30, its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A time of day: 8:05, 08.05.12, 08:05:12,345, 8:05 PM. */
const TIME = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d{1,6})?)?\s*([ap]\.?m\.?)?$/i;
/** A date, year first (2026-11-30, 2026/11/30) or day first (30/11/2026, 30-11-2026, 30.11.2026). */
const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
/** An instant with its own offset or Z: taken as written, whatever the agency's timezone. */
const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))$/i;

/** Days since 1970 of a calendar date, or null when there is no such date (31/11, 29/02/2027). */
function dayOf(year: number, month: number, day: number): number | null {
  const at = Date.UTC(year, month - 1, day);
  const back = new Date(at);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return at;
}

/** Midnight (UTC clock) of a date cell's day, or null when it is no date. */
function dateOf(text: string): number | null {
  const first = YEAR_FIRST.exec(text);
  if (first) return dayOf(+first[1], +first[2], +first[3]);
  const last = DAY_FIRST.exec(text);
  if (last) return dayOf(+last[3], +last[2], +last[1]);
  return serialDate(text, false);
}

/** Milliseconds into the day of a time cell, or null when it is no time of day. */
function timeOf(text: string): number | null {
  const found = TIME.exec(text);
  if (!found) return serialTime(text);
  let hour = +found[1];
  const minute = +found[2];
  const second = found[3] === undefined ? 0 : +found[3];
  const half = found[4]?.[0].toLowerCase();
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === "p" ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return hour * HOUR + minute * 60_000 + second * 1000;
}

/** A serial number as Excel stores a date (whole days since EXCEL_EPOCH), with its time when `withTime`. */
function serialDate(text: string, withTime: boolean): number | null {
  if (!/^\d{5}(?:\.\d+)?$/.test(text)) return null;
  const days = Number(text);
  // 1982 to 2119: anything else is no date a queue machine wrote.
  if (days < 30_000 || days > 80_000) return null;
  return EXCEL_EPOCH + Math.round(((withTime ? days : Math.floor(days)) * DAY) / 1000) * 1000;
}

/** A fraction of a day as Excel stores a time alone (0.3368 is 08:05:00). */
function serialTime(text: string): number | null {
  if (!/^0?\.\d+$|^0$/.test(text)) return null;
  return Math.round((Number(text) * DAY) / 1000) * 1000;
}

/**
 * The instant of a time cell, ms since the epoch: null for an empty cell, else a TimeProblem.
 * A cell with a date and a time is read on its own; a time alone goes on `date`, the row's date
 * column (which may itself hold a time of day: an .xlsx date cell, read as its date). Local
 * times are the agency's (`timezone`); an ISO time with an offset keeps its own.
 */
export function readLogTime(cell: string, date: string | undefined, timezone: Timezone): number | null | TimeProblem {
  const text = cell.trim().replace(/\s+/g, " ");
  if (!text) return null;
  const absolute = WITH_OFFSET.exec(text);
  if (absolute) {
    const at = Date.parse(`${absolute[1]}T${absolute[2].toUpperCase()}`);
    return Number.isNaN(at) || dateOf(absolute[1]) === null ? "unreadable" : at;
  }
  const local = localOf(text, date?.trim().replace(/\s+/g, " "));
  if (typeof local === "string") return local;
  return local - TIMEZONES[timezone] * HOUR;
}

/** The local wall-clock instant (as if UTC) of a cell, given the row's date cell. */
function localOf(text: string, date: string | undefined): number | TimeProblem {
  const serial = serialDate(text, true);
  if (serial !== null) return serial;
  const time = timeOf(text);
  if (time !== null) {
    if (!date) return "no_date";
    const day = dateOf(date.split(/[T ]/i)[0]);
    return day === null ? "unreadable" : day + time;
  }
  // "2026-11-30T08:05:12", "2026-11-30 08:05", "30/11/2026, 08.05.12": a date, then a time.
  const split = /^(\S+?),?[T ] ?(.+)$/i.exec(text);
  if (!split) return "unreadable";
  const day = dateOf(split[1]);
  const at = timeOf(split[2]);
  return day === null || at === null ? "unreadable" : day + at;
}

/** Whether a date cell can be read (what the import says of a date column it cannot use). */
export const readableDate = (cell: string) => dateOf(cell.trim().split(/[T ]/i)[0]) !== null;

/**
 * An .xlsx cell's value as text the import reads: a date cell (read-excel-file gives a Date of
 * its wall-clock time as UTC) as "YYYY-MM-DD HH:MM:SS", a time-only cell (Excel's day 0) as
 * "HH:MM:SS", a number as its digits, empty as "".
 */
export function xlsxLogCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // A serial number is a fraction of a day in floating point: 08:20 may come back as 08:19:59.999.
    const at = Math.round(value.getTime() / 1000) * 1000;
    if (Number.isNaN(at)) return "";
    const text = new Date(at).toISOString().slice(0, 19).replace("T", " ");
    return at < Date.UTC(1900, 0, 1) ? text.slice(11) : text;
  }
  return String(value).trim();
}
