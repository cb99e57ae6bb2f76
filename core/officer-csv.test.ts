import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { csvCells, delimiterOf } from "./officer-csv.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`../tests/fixtures/officers/${name}`, import.meta.url)).toString("utf8");

describe("delimiterOf", () => {
  it.each([
    ["NIP;Nama;Jabatan\r\n", ";"],
    ["nip,name,position\n", ","],
    ["NIP\tNama\tJabatan\n", "\t"],
    // A decimal comma in a semicolon file, and separators inside quotes, do not mislead it.
    ["1,99106E+17;Rina, S.Sos;Verifikator", ";"],
    ['"Budi; Santoso; Jr";199005152015031001,x,y', ","],
    ['"a,b,c,d";"e"\n', ";"],
  ])("reads %j as %j", (csv, delimiter) => {
    expect(delimiterOf(csv)).toBe(delimiter);
  });
});

describe("csvCells", () => {
  it("reads Indonesian Excel's CSV: BOM dropped, semicolons, CRLF, the emptied row kept for the reader to skip", () => {
    const read = csvCells(fixture("excel-id.csv"))!;
    expect(read.rows[0]).toEqual(["NIP", "Nama", "Jabatan", "PIN"]);
    expect(read.rows[2]).toEqual(["1,99106E+17", "Rina Wulandari, S.Sos", "Verifikator", ""]);
    expect(read.rows[4]).toEqual(["", "", "", ""]);
    expect(read.lines).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("reads quoted fields holding the delimiter, doubled quotes and line breaks, numbering rows by their first line", () => {
    const read = csvCells(fixture("quoted-semicolon.csv"))!;
    expect(read.rows[1]).toEqual(["1", "Budi; Santoso", "199005152015031001", "Loket", "Operator"]);
    expect(read.rows[2][1]).toBe('Ani "Nana" Kusuma');
    expect(read.lines).toEqual([1, 2, 3]);
    expect(csvCells("a,b\n\n\nc,d\n")!.lines).toEqual([1, 4]);
  });

  it("says null for text that is no CSV (an unclosed quote)", () => {
    expect(csvCells('nip,nama\n"199005152015031001,Andi')).toBeNull();
  });
});
