/**
 * Importing officers from a staff list (a CSV or an .xlsx sheet's cells, read by
 * core/officer-sheet.ts): every row is checked and given its own problem; an import
 * adds the rows that have none and skips the others, saying why.
 */
import { inArray } from "drizzle-orm";
import { newId } from "../../core/ids.ts";
import { csvCells } from "../../core/officer-csv.ts";
import { readSheet, type SheetCell, type SheetRow } from "../../core/officer-sheet.ts";
import type { Db } from "../client.ts";
import { officers } from "../schema.ts";
import { auditInsert } from "./audit.ts";

/** What an import was given: a CSV's text, or a sheet's cells. */
export type ImportSource = { csv: string } | { cells: SheetCell[][] };

/** A row that stands for the whole file being wrong. */
const fileProblem = (code: "not_csv" | "too_many"): SheetRow[] => [
  { line: 0, nip: "", name: "", position: "", pin: null, code },
];

/** Reads the file and checks every row, against the officers that exist too. */
export async function checkOfficerImport(db: Db, source: ImportSource): Promise<SheetRow[]> {
  const csv = "csv" in source ? csvCells(source.csv) : null;
  if ("csv" in source && !csv) return fileProblem("not_csv");
  const rows = csv ? readSheet(csv.rows, csv.lines) : readSheet("cells" in source ? source.cells : []);
  if (rows === "too_many") return fileProblem("too_many");
  const nips = rows.filter((r) => r.code === null).map((r) => r.nip);
  const taken = new Set(
    nips.length
      ? (await db.select({ nip: officers.nip }).from(officers).where(inArray(officers.nip, nips))).map((r) => r.nip)
      : [],
  );
  return rows.map((row) => (row.code === null && taken.has(row.nip) ? { ...row, code: "nip_exists" } : row));
}

/** A row ready to add: its PIN already hashed (the secret itself goes no further). */
export type ImportedOfficer = Pick<SheetRow, "nip" | "name" | "position"> & { pinHash: string | null };

/**
 * Adds rows as active officers of an agency, with one audit entry naming them and whether
 * each got a PIN (never the PIN), in one batch.
 */
export async function importOfficers(db: Db, agencyId: string, actorUserId: string, rows: ImportedOfficer[]) {
  const values = rows.map((r) => ({ id: newId("off"), agencyId, ...r }));
  await db.batch([
    db.insert(officers).values(values),
    auditInsert(db, {
      actorUserId,
      agencyId,
      action: "officer.import",
      target: `${values.length} officers`,
      details: values.map((v) => ({ id: v.id, nip: v.nip, name: v.name, ...(v.pinHash ? { pinSet: true } : {}) })),
    }),
  ]);
  return values.length;
}
