/**
 * Importing officers from a spreadsheet's CSV (NIP, name, position): every row is
 * checked and given its own error before anything is written, and nothing is
 * written unless every row is right.
 */
import { parse } from "csv-parse/sync";
import { inArray } from "drizzle-orm";
import { newId } from "../../core/ids.ts";
import { NIP_PROBLEMS, nipCheck } from "../../core/nip.ts";
import type { Db } from "../client.ts";
import { officers } from "../schema.ts";
import { auditInsert } from "./audit.ts";

/** Most rows one import takes. */
export const MAX_IMPORT_ROWS = 500;

/** What can be wrong with a row (beyond the NIP problems of core/nip.ts), in words. */
const ROW_PROBLEMS = {
  not_csv: "not a CSV",
  too_many: `at most ${MAX_IMPORT_ROWS} rows per import`,
  name: "a name of 1 to 120 characters",
  position: "a position of at most 120 characters",
  nip_exists: "an officer with this NIP exists",
  nip_twice: "this NIP is in the file twice",
} as const;

type RowCode = keyof typeof ROW_PROBLEMS;
type NipCode = keyof typeof NIP_PROBLEMS;

/** One row as read, and what is wrong with it (if anything): a stable code and its words. */
export interface ImportRow {
  line: number;
  nip: string;
  name: string;
  position: string;
  code: RowCode | NipCode | null;
  error: string | null;
}

/** A row that stands for the whole file being wrong. */
const fileProblem = (code: "not_csv" | "too_many", detail = ""): ImportRow[] => [
  { line: 0, nip: "", name: "", position: "", code, error: `${ROW_PROBLEMS[code]}${detail}` },
];

/** Reads the CSV (a header row naming nip, name/nama and position/jabatan is skipped) and checks every row. */
export async function checkOfficerImport(db: Db, csv: string): Promise<ImportRow[]> {
  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ""), { skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    return fileProblem("not_csv", `: ${(error as Error).message}`);
  }
  const header = records[0]?.map((c) => c.toLowerCase()) ?? [];
  const skip = header.includes("nip") ? 1 : 0;
  const rows = records.slice(skip).map((cells, i) => ({
    line: i + 1 + skip,
    nip: (cells[0] ?? "").replace(/\s/g, ""),
    name: cells[1] ?? "",
    position: cells[2] ?? "",
    code: null as ImportRow["code"],
    error: null as string | null,
  }));
  if (rows.length > MAX_IMPORT_ROWS) return fileProblem("too_many");
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
    row.code =
      nipCheck(row.nip) ??
      (row.name.length === 0 || row.name.length > 120 ? "name" : null) ??
      (row.position.length > 120 ? "position" : null) ??
      (taken.has(row.nip) ? "nip_exists" : null) ??
      (seen.has(row.nip) ? "nip_twice" : null);
    row.error =
      row.code && (row.code in NIP_PROBLEMS ? NIP_PROBLEMS[row.code as NipCode].en : ROW_PROBLEMS[row.code as RowCode]);
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
