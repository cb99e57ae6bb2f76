/**
 * A staff list's CSV as Excel writes it into cells for core/officer-sheet.ts, read on the
 * server with csv-parse's Node build (the rules of reading are core/csv-cells.ts's).
 */
import { parse } from "csv-parse/sync";
import { csvCellsWith } from "./csv-cells.ts";

export { delimiterOf } from "./csv-cells.ts";

/** The cells of a CSV and the line each row starts on, or null when it is no CSV. */
export const csvCells = (csv: string) => csvCellsWith(parse as (input: string, options: object) => unknown, csv);
