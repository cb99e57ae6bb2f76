import { describe, expect, it } from "vitest";
import * as z from "zod";
import { counterCode, slug } from "./contract.ts";
import { COUNTER_CODE, EMAIL, HHMM, SLUG, slugify } from "./patterns.ts";

describe("EMAIL", () => {
  it.each([
    ["rina@dinas.go.id", true],
    ["rina.putri+skm@tebingtinggikota.go.id", true],
    ["o'neil@contoh.id", true],
    ["rina@dinas", false],
    ["rina@dinas.c", false],
    [".rina@dinas.go.id", false],
    ["rina..putri@dinas.go.id", false],
    ["rina putri@dinas.go.id", false],
    ["rina@-dinas.go.id", false],
  ])("%s → %s, as zod's own e-mail rule says", (address, ok) => {
    expect(EMAIL.test(address)).toBe(ok);
    expect(z.string().regex(z.regexes.email).safeParse(address).success).toBe(ok);
  });
});

describe("SLUG, COUNTER_CODE, HHMM", () => {
  it("take what the contract takes", () => {
    for (const value of ["ktp", "loket-1", "a", "-x", "x-", "Loket", "a".repeat(32), "a".repeat(33), "a".repeat(65)]) {
      expect(SLUG.test(value), value).toBe(slug.safeParse(value).success);
      expect(COUNTER_CODE.test(value), value).toBe(counterCode.safeParse(value).success);
    }
    expect(["08:00", "23:59", "24:00", "8:00", "12:60"].map((t) => HHMM.test(t))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe("slugify", () => {
  it.each([
    ["KTP Elektronik", "ktp-elektronik"],
    ["  Akta Kelahiran & Kematian ", "akta-kelahiran-kematian"],
    ["Pelayanan Élite", "pelayanan-elite"],
    [`${"x".repeat(63)} y`, "x".repeat(63)],
    // An agency's full name fits whole.
    [
      "Dinas Kependudukan dan Pencatatan Sipil Kota Tebing Tinggi",
      "dinas-kependudukan-dan-pencatatan-sipil-kota-tebing-tinggi",
    ],
    // Longer than 64: cut after the last whole word that fits ("…-kota", not "…-kota-tebi").
    [
      "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Tebing Tinggi Sumatera Utara",
      "dinas-penanaman-modal-dan-pelayanan-terpadu-satu-pintu-kota",
    ],
    [
      "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Labuhanbatu Selatan Provinsi Sumatera Utara",
      "dinas-kependudukan-dan-pencatatan-sipil-kabupaten-labuhanbatu",
    ],
    // A word ending exactly at the limit is kept whole.
    [`${"a".repeat(30)} ${"b".repeat(33)} c`, `${"a".repeat(30)}-${"b".repeat(33)}`],
    // Only a first word longer than the limit is cut.
    ["x".repeat(70), "x".repeat(64)],
  ])("%j → %s, a slug the API takes", (name, made) => {
    expect(slugify(name)).toBe(made);
    expect(SLUG.test(slugify(name))).toBe(true);
  });

  it("never ends inside a word of the name when it must cut", () => {
    const name = "Badan Pengelolaan Keuangan Pendapatan dan Aset Daerah Provinsi Sumatera Utara";
    const words = slugify(name, 40).split("-");
    expect(words.join("-").length).toBeLessThanOrEqual(40);
    const whole = name.toLowerCase().split(" ");
    expect(words).toEqual(whole.slice(0, words.length));
    expect(slugify(name, 40)).toBe("badan-pengelolaan-keuangan-pendapatan");
  });
});
