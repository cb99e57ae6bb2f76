/**
 * Importing officers from a spreadsheet's CSV (NIP, name, position): every row is
 * checked and given its own error before anything is written, and nothing is
 * written unless every row is right.
 */
import { parse } from "csv-parse/sync";
import { inArray } from "drizzle-orm";
import { newId } from "../../core/ids.ts";
import { nipProblem } from "../../core/nip.ts";
import type { Db } from "../client.ts";
import { officers } from "../schema.ts";
import { auditInsert } from "./audit.ts";

/** Most rows one import takes. */
export const MAX_IMPORT_ROWS = 500;

/** One row as read, and what is wrong with it (if anything). */
export interface ImportRow {
  line: number;
  nip: string;
  name: string;
  position: string;
  error: string | null;
}

/** Reads the CSV (a header row naming nip, name/nama and position/jabatan is skipped) and checks every row. */
export async function checkOfficerImport(db: Db, csv: string): Promise<ImportRow[]> {
  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ""), { skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    return [{ line: 0, nip: "", name: "", position: "", error: `not a CSV: ${(error as Error).message}` }];
  }
  const header = records[0]?.map((c) => c.toLowerCase()) ?? [];
  const skip = header.includes("nip") ? 1 : 0;
  const rows = records.slice(skip).map((cells, i) => ({
    line: i + 1 + skip,
    nip: (cells[0] ?? "").replace(/\s/g, ""),
    name: cells[1] ?? "",
    position: cells[2] ?? "",
    error: null as string | null,
  }));
  if (rows.length > MAX_IMPORT_ROWS) {
    return [{ line: 0, nip: "", name: "", position: "", error: `at most ${MAX_IMPORT_ROWS} rows per import` }];
  }
  const taken = new Set(
    rows.length
      ? (
          await db
            .select({ nip: officers.nip })
            .from(officers)
            .where(
              inArray(
                officers.nip,
                rows.map((r) => r.nip),
              ),
            )
        ).map((r) => r.nip)
      : [],
  );
  const seen = new Set<string>();
  for (const row of rows) {
    row.error =
      nipProblem(row.nip) ??
      (row.name.length === 0 || row.name.length > 120 ? "a name of 1 to 120 characters" : null) ??
      (row.position.length > 120 ? "a position of at most 120 characters" : null) ??
      (taken.has(row.nip) ? "an officer with this NIP exists" : null) ??
      (seen.has(row.nip) ? "this NIP is in the file twice" : null);
    seen.add(row.nip);
  }
  return rows;
}

/** Adds checked rows as active officers of an agency, with one audit entry, in one transaction. */
export async function importOfficers(db: Db, agencyId: string, actorUserId: string, rows: ImportRow[]) {
  const values = rows.map((r) => ({ id: newId("off"), agencyId, nip: r.nip, name: r.name, position: r.position }));
  await db.batch([
    db.insert(officers).values(values),
    auditInsert(db, {
      actorUserId,
      agencyId,
      action: "officer.import",
      target: `${values.length} officers`,
      details: values.map((v) => ({ id: v.id, nip: v.nip, name: v.name })),
    }),
  ]);
  return values.length;
}
