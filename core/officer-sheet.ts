/**
 * Reading a staff list for the officer import as spreadsheets write it: the cells of a
 * CSV (core/officer-csv.ts) or of an .xlsx sheet become rows of NIP, name, position and
 * an optional kiosk PIN, each with what is wrong with it. Pure and without a CSV parser,
 * so the dashboard can pick an .xlsx file's columns with the same rule the API reads them by.
 */
import { NIP_PROBLEMS, nipCheck } from "./nip.ts";
import { PIN } from "./patterns.ts";

/** Most rows one import takes. */
export const MAX_IMPORT_ROWS = 500;

/**
 * A cell as the import receives it: text, or a number as an .xlsx file stores it (its
 * digits as written there, e.g. "1.98901012010011E+17"), so a rounded NIP can be told.
 */
export type SheetCell = string | { number: string };

/** What can be wrong with a row or the whole file (beyond the NIP problems of core/nip.ts), in English. */
export const ROW_PROBLEMS = {
  not_csv: "not a CSV",
  too_many: `at most ${MAX_IMPORT_ROWS} rows per import`,
  nip_rounded:
    "Excel rounded this NIP (written as 1.98901E+17 or ending in 000): format the NIP column as Text and type the NIPs again",
  nip_number:
    "this NIP is stored as a number, so Excel kept only its first 15 digits: format the NIP column as Text and type the NIPs again",
  name: "a name of 1 to 120 characters",
  position: "a position of at most 120 characters",
  pin: "a PIN is 6 digits (if it began with 0, format the PIN column as Text and type it again)",
  nip_exists: "an officer with this NIP exists",
  nip_twice: "this NIP is in the file twice",
} as const;

/** A stable code for what is wrong with a row. */
export type ImportCode = keyof typeof ROW_PROBLEMS | keyof typeof NIP_PROBLEMS;

/** One row of the sheet as read. `pin` is the secret itself: it never leaves the server (see `publicRow`). */
export interface SheetRow {
  /** The row's number in the file (1 is the first line), so it can be found in Excel. */
  line: number;
  nip: string;
  name: string;
  position: string;
  pin: string | null;
  code: ImportCode | null;
}

/** The columns an import reads, in the order a file without a header row gives them. */
const COLUMNS = ["nip", "name", "position", "pin"] as const;
type Column = (typeof COLUMNS)[number];

/** Header words naming each column, Bahasa Indonesia and English, compared without case, spaces or punctuation. */
const HEADERS: Record<Column, string[]> = {
  nip: ["nip", "nipbaru", "nomorindukpegawai"],
  name: ["nama", "name", "namalengkap", "namapegawai", "namapetugas", "fullname"],
  position: ["jabatan", "position", "namajabatan", "jobtitle"],
  pin: ["pin", "pinkios", "kioskpin"],
};

const headerWord = (cell: string) => cell.toLowerCase().replace(/[^a-z0-9]/g, "");

/** A cell's text: a stored number keeps the digits it was written with. */
export const cellText = (cell: SheetCell | undefined) =>
  (typeof cell === "string" ? cell : (cell?.number ?? "")).trim();

/** How many rows from the top may hold the header row: a staff list often has a title or two above it. */
const HEADER_SEARCH = 5;

/**
 * Where each column is, and how many rows (titles, then the header) come before the officers:
 * by the words of the first of the top rows that names an NIP column, else in COLUMNS order.
 */
function columnsOf(rows: SheetCell[][]): { at: Partial<Record<Column, number>>; skip: number } {
  const heads = rows.slice(0, HEADER_SEARCH).map((cells) => cells.map((c) => headerWord(cellText(c))));
  const index = heads.findIndex((words) => words.some((w) => HEADERS.nip.includes(w)));
  if (index < 0) return { at: { nip: 0, name: 1, position: 2, pin: 3 }, skip: 0 };
  const at: Partial<Record<Column, number>> = {};
  for (const column of COLUMNS) {
    const found = heads[index].findIndex((w) => HEADERS[column].includes(w));
    if (found >= 0) at[column] = found;
  }
  return { at, skip: index + 1 };
}

/** Numbered rows without the blank ones: Excel writes emptied rows as ";;;". */
const filled = (rows: SheetCell[][], lines?: number[]) =>
  rows.map((cells, i) => ({ cells, line: lines?.[i] ?? i + 1 })).filter((r) => r.cells.some((c) => cellText(c)));

/**
 * Only the columns the import reads (header row kept), so a wide staff list is sent small;
 * reading the result gives the same rows as reading the whole sheet.
 */
export function importColumns(rows: SheetCell[][]): SheetCell[][] {
  const { at, skip } = columnsOf(filled(rows).map((r) => r.cells));
  if (!skip) return rows.map((cells) => cells.slice(0, COLUMNS.length));
  const kept = COLUMNS.filter((c) => at[c] !== undefined);
  return rows.map((cells) => kept.map((c) => cells[at[c]!] ?? ""));
}

/** Scientific notation as Excel shows a long number: 1.98901E+17, or 1,98901E+17 in an Indonesian locale. */
const SCIENTIFIC = /^\d+(?:[.,]\d+)?e\+?\d+$/i;

/** What is wrong with the NIP cell, beyond the NIP rules: a number Excel has rounded. */
function roundedNip(cell: SheetCell | undefined, nip: string): ImportCode | null {
  if (typeof cell === "object") return "nip_number";
  // Excel keeps 15 significant digits: an 18-digit NIP typed into a Number cell ends in 000,
  // which no NIP does (its last three digits are a sequence number from 001).
  if (SCIENTIFIC.test(nip) || (/^\d{18}$/.test(nip) && nip.endsWith("000"))) return "nip_rounded";
  return null;
}

/** The NIP as written: spaces (Excel's and non-breaking ones) and a leading apostrophe (Excel's "text" mark) dropped. */
const nipOf = (text: string) => text.replace(/\s/g, "").replace(/^'/, "");

/**
 * Reads a sheet's cells into rows, each checked on its own: the NIP (core/nip.ts, and
 * whether Excel rounded it), the name, the position, the PIN (the same rule as the form's,
 * core/patterns.ts), and an NIP given twice. Whether an NIP exists already is the database's.
 */
export function readSheet(rows: SheetCell[][], lines?: number[]): SheetRow[] | "too_many" {
  const numbered = filled(rows, lines);
  const { at, skip } = columnsOf(numbered.map((r) => r.cells));
  const body = numbered.slice(skip);
  if (body.length > MAX_IMPORT_ROWS) return "too_many";
  const seen = new Set<string>();
  return body.map(({ cells, line }) => {
    const cell = (column: Column) => (at[column] === undefined ? undefined : cells[at[column]]);
    const nip = nipOf(cellText(cell("nip")));
    // A line break typed into a cell (Alt+Enter) is a space in a name.
    const name = cellText(cell("name")).replace(/\s+/g, " ");
    const position = cellText(cell("position")).replace(/\s+/g, " ");
    const pin = cellText(cell("pin")).replace(/\s/g, "") || null;
    const code =
      roundedNip(cell("nip"), nip) ??
      nipCheck(nip) ??
      (name.length === 0 || name.length > 120 ? "name" : null) ??
      (position.length > 120 ? "position" : null) ??
      (pin !== null && !PIN.test(pin) ? "pin" : null) ??
      (seen.has(nip) ? "nip_twice" : null);
    // Only a row that will be added takes its NIP: a later copy of a wrong row may be the corrected one.
    if (code === null) seen.add(nip);
    return { line, nip, name, position, pin, code };
  });
}

/** A row as the API answers it: whether it has a PIN, never the PIN; the problem in English beside its code. */
export const publicRow = ({ pin, code, ...row }: SheetRow) => ({
  ...row,
  pin: pin !== null,
  code,
  error:
    code &&
    (code in NIP_PROBLEMS
      ? NIP_PROBLEMS[code as keyof typeof NIP_PROBLEMS].en
      : ROW_PROBLEMS[code as keyof typeof ROW_PROBLEMS]),
});

/**
 * An .xlsx sheet's values as cells: text as it is, a number as the digits the file holds
 * (read with `parseNumber: (digits) => ({ number: digits })`), a date as YYYY-MM-DD.
 */
export function xlsxCells(rows: readonly (readonly unknown[])[]): SheetCell[][] {
  return rows.map((row) =>
    row.map((value): SheetCell => {
      if (value === null || value === undefined) return "";
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      if (typeof value === "object" && "number" in value) return { number: String(value.number) };
      return String(value);
    }),
  );
}

/**
 * A CSV file's text: UTF-8 (Excel's "CSV UTF-8", BOM or not), or else Windows-1252, which
 * Excel's plain "CSV" uses on Windows, so an "é" in a name does not come out as "�".
 */
export function csvText(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
