/**
 * A queue log file's cells, read in the browser: an .xlsx sheet by read-excel-file, a CSV (as Excel
 * saves it, UTF-8 or Windows-1252) by csv-parse's browser build; each library loads only when a file
 * of its kind is chosen. What the cells mean is core/visit-log.ts's.
 */
import { csvCellsWith } from "../../../core/csv-cells.ts";
import { xlsxLogCell } from "../../../core/log-time.ts";
import { csvText } from "../../../core/officer-sheet.ts";

/** A file's cells and each row's line in it, or why it cannot be read. */
export type LogFileRead = { cells: string[][]; lines?: number[] } | "old_xls" | "not_read";

/** Reads a chosen log file: its first sheet (.xlsx) or its CSV text. */
export async function readLogFile(file: File): Promise<LogFileRead> {
  const name = file.name.toLowerCase();
  if (name.endsWith(".xls")) return "old_xls";
  try {
    if (name.endsWith(".xlsx")) {
      const { readSheet } = await import("read-excel-file/browser");
      const rows = await readSheet(file);
      return { cells: rows.map((row) => row.map(xlsxLogCell)) };
    }
    const { parse } = await import("csv-parse/browser/esm/sync");
    const read = csvCellsWith(parse as (input: string, options: object) => unknown, csvText(await file.arrayBuffer()));
    return read ? { cells: read.rows, lines: read.lines } : "not_read";
  } catch {
    return "not_read";
  }
}
