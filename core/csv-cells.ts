/**
 * A CSV's cells as Excel writes them: comma- or semicolon-separated (an Indonesian-locale Excel
 * uses ";", since "," is its decimal mark), or tab-separated (cells pasted from a spreadsheet),
 * with or without a UTF-8 BOM, with quoted fields (RFC 4180) and CRLF line ends. The parser is
 * passed in, so the server reads with csv-parse's Node build and the dashboard with its browser
 * build, loaded only when a CSV is chosen (core/officer-csv.ts, dashboard/pages/manage/visit-import.tsx).
 */
const DELIMITERS = [";", "\t", ","] as const;

/**
 * The delimiter a CSV uses: the one found most often outside quotes in its first lines,
 * ";" first on a tie (a decimal comma may stand in a semicolon file, never the reverse).
 */
export function delimiterOf(csv: string): (typeof DELIMITERS)[number] {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let lines = 0;
  for (const char of csv.slice(0, 4000)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
    else if (!quoted && char === "\n" && ++lines === 5) break;
  }
  return DELIMITERS.reduce((best, d) => (counts.get(d)! > counts.get(best)! ? d : best));
}

/**
 * The line a record starts on: csv-parse gives the line it ends on, counting a CR and an LF
 * inside a quoted field as a line each.
 */
const startLine = (record: string[], endLine: number) => endLine - (record.join("").match(/[\r\n]/g)?.length ?? 0);

/** csv-parse's `parse` (its sync API), in whichever build the caller loaded. */
export type CsvParse = (input: string, options: Record<string, unknown>) => unknown;

/** The cells of a CSV and the line each row starts on, or null when it is no CSV. */
export function csvCellsWith(parse: CsvParse, csv: string): { rows: string[][]; lines: number[] } | null {
  const text = csv.replace(/^\uFEFF/, "");
  try {
    // With `info`, csv-parse gives each record with where it was read; its types give only the record.
    const records = parse(text, {
      delimiter: delimiterOf(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as { record: string[]; info: { lines: number } }[];
    return { rows: records.map((r) => r.record), lines: records.map((r) => startLine(r.record, r.info.lines)) };
  } catch {
    return null;
  }
}
