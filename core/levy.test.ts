import { describe, expect, it } from "vitest";
import { isPossibleLevy, mentionsMoney } from "./levy.ts";

describe("mentionsMoney: comments that speak of money", () => {
  it.each([
    "Diminta uang Rp50.000 untuk percepatan",
    "Katanya biar cepat harus kasih uang rokok",
    "Petugas minta 50rb supaya KTP jadi hari ini",
    "disuruh bayar 100 ribu padahal katanya gratis",
    "Ada pungli di loket 3!!",
    "Saya dimintai amplop oleh oknum petugas",
    "Harus ada imbalan baru berkas diproses",
    "Ada biaya tambahan yang tidak jelas",
    "Diminta 150.000 untuk akta kelahiran",
    "minta uang pelicin",
    "Rp 20.000 katanya untuk map",
    "Tidak lama, tapi diminta uang",
    "Kalau tidak bayar, berkas tidak diproses katanya",
    "Tidak ada antrean tapi dipungut Rp25.000",
    "Katanya gratis, ternyata bayar",
    "The officer asked me for money",
    "I was asked to pay a fee to speed it up",
    "Ｒｐ５０．０００ diminta petugas",
  ])("catches %j", (comment) => {
    expect(mentionsMoney(comment)).toBe(true);
  });

  it.each([
    "Gratis, tidak dipungut biaya",
    "Pelayanan cepat, tanpa biaya sama sekali",
    "Tidak ada pungli, mantap",
    "Bebas pungli, terima kasih",
    "Tidak perlu bayar apa-apa",
    "Saya tidak dimintai uang sepeser pun",
    "Mohon percepatan pelayanan, antrean lama",
    "Antrian agak lama, mohon ditambah loket.",
    "Datang jam 08.30, selesai jam 10.15",
    "Ruang tunggu panas, AC tidak menyala.",
    "Petugas menjelaskan persyaratan dengan jelas.",
    "Nomor antrean 105, loket 2",
    "No fee, very quick service",
    "I didn't have to pay anything",
    "Tanggal 01/02/2026 datang lagi",
  ])("leaves %j alone", (comment) => {
    expect(mentionsMoney(comment)).toBe(false);
  });
});

describe("isPossibleLevy", () => {
  it("sets apart the reason Diminta biaya whatever the comment says", () => {
    expect(isPossibleLevy({ reasons: ["antrian", "biaya"], comment: null })).toBe(true);
    expect(isPossibleLevy({ reasons: ["biaya"], comment: "Gratis, tidak dipungut biaya" })).toBe(true);
  });

  it("sets apart a comment about money without the reason, and nothing else", () => {
    expect(isPossibleLevy({ reasons: null, comment: "Diminta uang Rp50.000 untuk percepatan" })).toBe(true);
    expect(isPossibleLevy({ reasons: ["antrian"], comment: "Antrian lama" })).toBe(false);
    expect(isPossibleLevy({ reasons: null, comment: null })).toBe(false);
    expect(isPossibleLevy({})).toBe(false);
  });
});

describe("what the rule is known to miss or over-read (docs/scoring.md, Reasons and possible levies)", () => {
  it("misses money said without its words, and reads a denial with other fillers as money", () => {
    expect(mentionsMoney("Disuruh kasih seikhlasnya lewat calo")).toBe(false);
    expect(mentionsMoney("Tidak sedikit pun diminta uang")).toBe(true);
    expect(mentionsMoney("Biaya sesuai tarif resmi")).toBe(true);
  });
});
