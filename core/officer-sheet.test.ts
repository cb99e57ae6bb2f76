import { readFileSync } from "node:fs";
import { readSheet as readXlsx } from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import { csvCells } from "./officer-csv.ts";
import {
  csvText,
  importColumns,
  MAX_IMPORT_ROWS,
  publicRow,
  readSheet,
  type SheetCell,
  xlsxCells,
} from "./officer-sheet.ts";

const fixture = (name: string) => readFileSync(new URL(`../tests/fixtures/officers/${name}`, import.meta.url));
const fromCsv = (csv: string) => {
  const read = csvCells(csv)!;
  return readSheet(read.rows, read.lines);
};
const rowsOf = (read: ReturnType<typeof readSheet>) => {
  if (read === "too_many") throw new Error("too many");
  return read;
};
const codes = (read: ReturnType<typeof readSheet>) => rowsOf(read).map((r) => [r.line, r.code]);
const GOOD = "199005152015031001";

describe("readSheet", () => {
  it("reads Indonesian Excel's CSV: every row right, the header and the emptied row not taken for officers", () => {
    const rows = rowsOf(fromCsv(fixture("excel-id.csv").toString("utf8")));
    expect(rows.map((r) => [r.line, r.nip, r.name, r.pin, r.code])).toEqual([
      [2, GOOD, "Andi Pratama", "246810", null],
      [3, "1,99106E+17", "Rina Wulandari, S.Sos", null, "nip_rounded"],
      [4, "199208202019022002", "Dewi Lestari", "12345", "pin"],
      [6, "199310102018011003", "Bayu Saputra", null, null],
    ]);
  });

  it("reads English Excel's comma CSV with quoted names, and an NIP rounded to ...000", () => {
    expect(codes(fromCsv(fixture("excel-en.csv").toString("utf8")))).toEqual([
      [2, null],
      [3, null],
      [4, "nip_rounded"],
      [5, "nip_rounded"],
    ]);
  });

  it("finds the columns by their header words in any order, case and spacing, ignoring columns it does not read", () => {
    const rows = rowsOf(fromCsv(fixture("quoted-semicolon.csv").toString("utf8")));
    expect(rows.map((r) => [r.line, r.nip, r.name, r.position, r.code])).toEqual([
      [2, GOOD, "Budi; Santoso", "Operator", null],
      [3, "199105152016032003", 'Ani "Nana" Kusuma', "Verifikator; senior", null],
    ]);
    const english = rowsOf(
      readSheet([
        [" PIN ", "Full name", "N.I.P.", "Position"],
        ["135790", "Andi", GOOD, "Op"],
      ]),
    );
    expect(english[0]).toMatchObject({ nip: GOOD, name: "Andi", position: "Op", pin: "135790", code: null });
  });

  it("finds the header row under a title or two, and reads the officers below it", () => {
    const rows = readSheet([
      ["DAFTAR PEGAWAI DINAS KEPENDUDUKAN"],
      ["Per 1 November 2026"],
      [],
      ["No", "NIP", "Nama", "Jabatan"],
      ["1", GOOD, "Andi", "Op"],
    ]);
    expect(rowsOf(rows).map((r) => [r.line, r.nip, r.name, r.code])).toEqual([[5, GOOD, "Andi", null]]);
    expect(importColumns([["DAFTAR PEGAWAI"], ["No", "NIP", "Nama"], ["1", GOOD, "Andi"]])).toEqual([
      ["", ""],
      ["NIP", "Nama"],
      [GOOD, "Andi"],
    ]);
  });

  it("reads a file without a header row as NIP, name, position, PIN", () => {
    expect(rowsOf(readSheet([[GOOD, "Andi", "Op", "135790"]]))[0]).toMatchObject({
      line: 1,
      nip: GOOD,
      name: "Andi",
      position: "Op",
      pin: "135790",
      code: null,
    });
  });

  it.each([
    ["1.99005E+17", "nip_rounded"],
    ["1,99005E+17", "nip_rounded"],
    ["1.99005152015031E+17", "nip_rounded"],
    ["199005152015031000", "nip_rounded"],
    ["1990 0515 2015 03 1 001", null],
    ["'199005152015031001", null],
    ["19900515\u00a0201503\u00a01\u00a0001", null],
    ["19900515201503100", "nip_length"],
    ["199013152015031001", "nip_birth"],
  ])("tells the NIP %j: %s", (nip, code) => {
    expect(rowsOf(readSheet([[nip, "Andi"]]))[0].code).toBe(code);
  });

  it("tells an NIP an .xlsx file stores as a number, whatever its digits", () => {
    expect(rowsOf(readSheet([[{ number: "1.99005152015031E+17" }, "Andi"]]))[0].code).toBe("nip_number");
    expect(rowsOf(readSheet([[{ number: GOOD }, "Andi"]]))[0].code).toBe("nip_number");
  });

  it.each([
    ["", null, null],
    ["135790", "135790", null],
    ["135 790", "135790", null],
    ["12345", "12345", "pin"],
    ["1234567", "1234567", "pin"],
    ["abcdef", "abcdef", "pin"],
  ])("takes the PIN %j by the form's rule", (pin, read, code) => {
    const [row] = rowsOf(readSheet([[GOOD, "Andi", "", pin]]));
    expect([row.pin, row.code]).toEqual([read, code]);
  });

  it("checks names, positions and an NIP given twice (a wrong row's NIP may come again, corrected)", () => {
    const rows = readSheet([
      ["nip", "nama", "jabatan"],
      [GOOD, "", "Op"],
      [GOOD, "Andi", "x".repeat(121)],
      [GOOD, "Andi\nPratama", "Op"],
      [GOOD, "Andi", "Op"],
    ]);
    expect(codes(rows)).toEqual([
      [2, "name"],
      [3, "position"],
      [4, null],
      [5, "nip_twice"],
    ]);
    expect(rowsOf(rows)[2].name).toBe("Andi Pratama");
  });

  it(`takes at most ${MAX_IMPORT_ROWS} rows, blank ones not counted`, () => {
    const rows: SheetCell[][] = Array.from({ length: MAX_IMPORT_ROWS }, () => [GOOD, "A"]);
    expect(readSheet([["nip", "nama"], ...rows, ["", ""], []])).toHaveLength(MAX_IMPORT_ROWS);
    expect(readSheet([...rows, [GOOD, "A"]])).toBe("too_many");
  });
});

describe("an .xlsx file", () => {
  it("is read (read-excel-file, numbers kept as their digits) into the same rows, the number NIP told", async () => {
    const sheet = await readXlsx(fixture("officers.xlsx"), { parseNumber: (digits) => ({ number: digits }) });
    const rows = rowsOf(readSheet(xlsxCells(sheet)));
    expect(rows.map((r) => [r.line, r.nip, r.pin, r.code])).toEqual([
      [2, GOOD, "246810", null],
      [3, "1.99106152017031E+17", null, "nip_number"],
      [4, "199208202019022002", "12345", "pin"],
      [6, "199310102018011003", "135790", null],
    ]);
  });

  it("keeps dates and booleans as text", () => {
    expect(xlsxCells([[new Date(Date.UTC(2020, 0, 2)), true, null, 3]])).toEqual([["2020-01-02", "true", "", "3"]]);
  });
});

describe("importColumns", () => {
  it("keeps only the columns read, and reading them gives the same rows", () => {
    const cells = csvCells(fixture("quoted-semicolon.csv").toString("utf8"))!.rows;
    const kept = importColumns(cells);
    expect(kept[0]).toEqual(["NIP", "Nama Lengkap", "Jabatan"]);
    expect(readSheet(kept)).toEqual(readSheet(cells));
    expect(importColumns([[GOOD, "A", "B", "C", "D", "E"]])).toEqual([[GOOD, "A", "B", "C"]]);
  });
});

describe("publicRow", () => {
  it("says whether a row has a PIN, never the PIN", () => {
    const [row] = rowsOf(readSheet([[GOOD, "Andi", "", "135790"]]));
    const shown = publicRow(row);
    expect(shown.pin).toBe(true);
    expect(JSON.stringify(shown)).not.toContain("135790");
    expect(publicRow({ ...row, pin: "12", code: "pin" }).error).toMatch(/6 digits/);
  });
});

describe("csvText", () => {
  it("reads UTF-8 (its BOM dropped) and else Windows-1252, as Excel's plain CSV is on Windows", () => {
    expect(csvText(new TextEncoder().encode("\uFEFFNIP;Nama\r\n1;José"))).toBe("NIP;Nama\r\n1;José");
    expect(csvText(Uint8Array.from([0x4a, 0x6f, 0x73, 0xe9]))).toBe("José");
  });
});
