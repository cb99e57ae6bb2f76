/**
 * A queue machine's day log as the dashboard imports it (issue 21): which column holds which of a
 * visit's fields (guessed from the header row, then the admin's), which of the agency's services
 * and counters each value in the file names, and each row read into a visit with its problems in
 * codes and the implausible shapes it will be flagged with (core/visits.ts). The id of a row
 * without one is derived from it (logVisitId), so a log imported twice stores nothing twice.
 * Pure and without zod: the dashboard runs it on the file before anything is sent.
 */
import { readLogTime } from "./log-time.ts";
import { VISIT_ID } from "./patterns.ts";
import { TIMEZONES, type Timezone } from "./period.ts";
import type { VisitInput } from "./visit-contract.ts";
import { type CounterHours, type VisitFlag, type VisitTimes, visitFlags, visitInstant } from "./visits.ts";

/** A visit's fields a log's columns may hold; `date` is a date column beside columns of times alone. */
export const LOG_FIELDS = [
  "id",
  "queueNumber",
  "service",
  "counter",
  "date",
  "takenAt",
  "calledAt",
  "servedAt",
  "finishedAt",
  "officer",
] as const;
/** A visit's field a log's column may hold. */
export type LogField = (typeof LOG_FIELDS)[number];
/** The four times of a visit. */
export const TIME_FIELDS = ["takenAt", "calledAt", "servedAt", "finishedAt"] as const;
type TimeField = (typeof TIME_FIELDS)[number];

/**
 * How an agency's logs are read, as it is kept for the next day's log: each field's column by its
 * header's text, and each service or counter value of the file (as written) by the slug or code it
 * stands for.
 */
export interface LogMapping {
  columns: Partial<Record<LogField, string>>;
  services: Record<string, string>;
  counters: Record<string, string>;
}

/** A log's header row and its other rows, each with its line in the file (1 is the first). */
export interface LogSheet {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

/**
 * Visits per call the import sends: core/visit-contract.ts MAX_VISITS (visit-log.test.ts holds
 * them equal), written here because that file brings zod into the dashboard.
 */
export const LOG_CHUNK = 500;

/** Most rows one import reads: a busy office's day, many times over. */
export const MAX_LOG_ROWS = 20_000;

/** A log's cells as a sheet: the first row with anything in it is the header row; empty rows are left out. */
export function logSheet(cells: string[][], lines?: number[]): LogSheet {
  const numbered = cells
    .map((row, i) => ({ line: lines?.[i] ?? i + 1, cells: row.map((c) => c.trim()) }))
    .filter((row) => row.cells.some(Boolean));
  return { headers: numbered[0]?.cells ?? [], rows: numbered.slice(1) };
}

/** A header or value compared without case, spaces or punctuation: "Jam Panggil" is "jampanggil". */
export const looseWord = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * Header words naming each field, Bahasa Indonesia and English, as whole headers; the longer ones
 * also as a part of one ("Waktu Ambil Nomor"). Earlier fields are matched first.
 */
const HEADERS: Record<LogField, string[]> = {
  id: ["id", "idkunjungan", "idantrian", "idantrean", "visitid", "idtiket", "uuid"],
  queueNumber: [
    "nomor",
    "noantrian",
    "nomorantrian",
    "noantrean",
    "nomorantrean",
    "antrian",
    "antrean",
    "queuenumber",
    "number",
    "tiket",
    "ticket",
  ],
  service: ["layanan", "jenislayanan", "namalayanan", "kodelayanan", "service", "servicecode", "poli"],
  counter: ["loket", "kodeloket", "namaloket", "counter", "countercode", "meja", "desk"],
  date: ["tanggal", "tgl", "date", "hari"],
  takenAt: [
    "ambil",
    "diambil",
    "waktuambil",
    "jamambil",
    "cetak",
    "jamcetak",
    "waktucetak",
    "datang",
    "taken",
    "takenat",
    "issued",
    "created",
  ],
  calledAt: ["panggil", "dipanggil", "waktupanggil", "jampanggil", "called", "calledat", "call"],
  servedAt: [
    "dilayani",
    "mulailayanan",
    "mulailayani",
    "jamlayani",
    "waktulayani",
    "mulai",
    "served",
    "servedat",
    "start",
    "started",
  ],
  finishedAt: ["selesai", "waktuselesai", "jamselesai", "selesailayanan", "finished", "finishedat", "end", "done"],
  officer: ["nip", "nippetugas", "officer", "officernip", "petugas"],
};

/** The column of each field whose header names it; a column is given to one field only. */
export function guessColumns(headers: string[]): LogMapping["columns"] {
  const words = headers.map(looseWord);
  const taken = new Set<number>();
  const columns: LogMapping["columns"] = {};
  const pick = (field: LogField, at: number) => {
    if (at < 0) return;
    columns[field] = headers[at];
    taken.add(at);
  };
  for (const field of LOG_FIELDS)
    pick(
      field,
      words.findIndex((w, i) => !taken.has(i) && HEADERS[field].includes(w)),
    );
  for (const field of LOG_FIELDS) {
    if (columns[field] !== undefined) continue;
    const parts = HEADERS[field].filter((w) => w.length >= 4);
    pick(
      field,
      words.findIndex((w, i) => !taken.has(i) && parts.some((p) => w.includes(p))),
    );
  }
  return columns;
}

/** Each mapped field's column index in this file (a mapped header the file lacks is left out). */
export function columnIndexes(headers: string[], columns: LogMapping["columns"]): Partial<Record<LogField, number>> {
  const at: Partial<Record<LogField, number>> = {};
  for (const field of LOG_FIELDS) {
    const index = columns[field] === undefined ? -1 : headers.indexOf(columns[field]);
    if (index >= 0) at[field] = index;
  }
  return at;
}

/** The different values of a column, in the order first met, without empty ones. */
export function distinctValues(sheet: LogSheet, column: number | undefined): string[] {
  if (column === undefined) return [];
  return [...new Set(sheet.rows.map((r) => r.cells[column] ?? "").filter(Boolean))];
}

/** A service or counter as the import matches values against: its slug or code, and its name. */
export interface Named {
  key: string;
  name: string;
}

/**
 * What a value of the file stands for: the mapping's choice while it still names one of `named`,
 * else the one whose key or name is the value (without case, spaces or punctuation), else null.
 */
export function matchValue(value: string, named: readonly Named[], kept: Record<string, string>): string | null {
  const chosen = kept[value];
  if (chosen !== undefined && named.some((n) => n.key === chosen)) return chosen;
  const word = looseWord(value);
  if (!word) return null;
  return named.find((n) => looseWord(n.key) === word || looseWord(n.name) === word)?.key ?? null;
}

/** What is wrong with a row: it is shown with it, and not sent. */
export type LogProblemCode =
  | "no_service"
  | "unknown_service"
  | "unknown_counter"
  | "bad_time"
  | "no_date"
  | "no_time"
  | "bad_id"
  | "bad_queue_number"
  | "bad_officer"
  | "duplicate";
/** A row's problem, with the field and value it is about when there is one (for `duplicate`, the first row's line). */
export interface LogProblem {
  code: LogProblemCode;
  field?: LogField;
  value?: string;
}

/** One row of the log as read: the visit to send (none when the row has a problem), its problems, its flags. */
export interface LogRow {
  line: number;
  /** The cells of the mapped fields, as written, for the preview. */
  shown: Partial<Record<LogField, string>>;
  visit: VisitInput | null;
  /** The instant the visit is placed by (core/visits.ts visitInstant), when its times could be read. */
  instant: number | null;
  problems: LogProblem[];
  flags: VisitFlag[];
}

/** What a log is read against: the agency's timezone, services (by slug) and counters (by code, with hours). */
export interface LogContext {
  timezone: Timezone;
  services: readonly Named[];
  counters: readonly (Named & CounterHours)[];
}

/** 32-bit FNV-1a of a text, in hex: a short stand-in for a slug too long for an id. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/**
 * The id of an imported visit whose log gives none, from the row alone, so the same log imported
 * again gives the same ids (and the API answers "duplicate"): `log:<local day>:<service>:<queue
 * number>`, the number with anything but letters, digits, "." "_" "-" as "_"; without a queue
 * number `t<local time HHMMSS>` and the counter stand in for it. A service slug that would make
 * the id longer than VISIT_ID's 64 characters is replaced by its 8-hex-digit FNV-1a hash.
 */
export function logVisitId(
  visit: { service: string; counter?: string; queueNumber?: string },
  instant: number,
  timezone: Timezone,
): string {
  const local = new Date(instant + TIMEZONES[timezone] * 3_600_000).toISOString();
  const day = local.slice(0, 10);
  const queue = visit.queueNumber
    ? visit.queueNumber.replace(/[^A-Za-z0-9._-]/g, "_")
    : `t${local.slice(11, 19).replaceAll(":", "")}${visit.counter ? `-${visit.counter}` : ""}`;
  const id = `log:${day}:${visit.service}:${queue}`;
  return id.length <= 64 ? id : `log:${day}:${shortHash(visit.service)}:${queue}`;
}

/** An instant as the API takes it: ISO 8601 in the agency's own offset, "2026-11-30T08:05:12+07:00". */
export function isoInZone(instant: number, timezone: Timezone): string {
  const hours = TIMEZONES[timezone];
  const local = new Date(instant + hours * 3_600_000).toISOString().slice(0, 19);
  return `${local}+${String(hours).padStart(2, "0")}:00`;
}

/**
 * Reads every row of a log into a visit, or the problems that keep it back: a service the file
 * does not give or the agency does not have, a counter it does not have, a time that cannot be
 * read (or a time alone with no date), no time at all, an id, queue number or NIP the API would
 * refuse, and a row whose id an earlier row has (the same visit twice in the file). A row that
 * can be sent carries the flags ingest will give it (core/visits.ts visitFlags, with its counter's
 * hours), so the preview shows them first.
 */
export function readLog(sheet: LogSheet, mapping: LogMapping, context: LogContext): LogRow[] {
  const at = columnIndexes(sheet.headers, mapping.columns);
  // Each id sent, with the line that sends it.
  const seen = new Map<string, number>();
  return sheet.rows.map(({ line, cells }) => {
    const shown: LogRow["shown"] = {};
    for (const field of LOG_FIELDS) if (at[field] !== undefined) shown[field] = cells[at[field]] ?? "";
    const problems: LogProblem[] = [];
    const service = shown.service ? matchValue(shown.service, context.services, mapping.services) : null;
    if (!shown.service) problems.push({ code: "no_service", field: "service" });
    else if (service === null) problems.push({ code: "unknown_service", field: "service", value: shown.service });
    const counter = shown.counter ? matchValue(shown.counter, context.counters, mapping.counters) : null;
    if (shown.counter && counter === null) {
      problems.push({ code: "unknown_counter", field: "counter", value: shown.counter });
    }
    const times: VisitTimes = { takenAt: null, calledAt: null, servedAt: null, finishedAt: null };
    for (const field of TIME_FIELDS) {
      const read = readLogTime(shown[field] ?? "", shown.date, context.timezone);
      if (typeof read === "number") times[field as TimeField] = read;
      else if (read !== null) {
        problems.push({ code: read === "no_date" ? "no_date" : "bad_time", field, value: shown[field] });
      }
    }
    const instant = visitInstant(times);
    if (instant === null && !problems.some((p) => p.code === "bad_time" || p.code === "no_date")) {
      problems.push({ code: "no_time" });
    }
    const queueNumber = shown.queueNumber || undefined;
    if (queueNumber && queueNumber.length > 20) {
      problems.push({ code: "bad_queue_number", field: "queueNumber", value: queueNumber });
    }
    const officer = shown.officer?.replace(/\s/g, "").replace(/^'/, "") || undefined;
    if (officer && !/^\d{18}$/.test(officer)) problems.push({ code: "bad_officer", field: "officer", value: officer });
    const given = shown.id || undefined;
    if (given && !VISIT_ID.test(given)) problems.push({ code: "bad_id", field: "id", value: given });
    const row: LogRow = { line, shown, visit: null, instant, problems, flags: [] };
    if (problems.length || service === null || instant === null) return row;
    const id = given ?? logVisitId({ service, counter: counter ?? undefined, queueNumber }, instant, context.timezone);
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({ code: "duplicate", value: String(first) });
      return row;
    }
    seen.set(id, line);
    const hours = context.counters.find((c) => c.key === counter) ?? null;
    row.flags = visitFlags(times, hours, context.timezone);
    row.visit = {
      id,
      service,
      ...(counter ? { counter } : {}),
      ...(queueNumber ? { queueNumber } : {}),
      ...(officer ? { officer } : {}),
      ...Object.fromEntries(
        TIME_FIELDS.filter((f) => times[f] !== null).map((f) => [f, isoInZone(times[f]!, context.timezone)]),
      ),
    };
    return row;
  });
}
