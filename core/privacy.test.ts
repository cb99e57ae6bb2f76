import { describe, expect, it } from "vitest";
import { maskComment } from "./privacy.ts";

describe("maskComment", () => {
  it.each([
    ["NIK saya 1271012345670001 belum jadi", "NIK saya [NIK] belum jadi"],
    ["NIK 1271 0123 4567 0001.", "NIK [NIK]."],
    ["NIK 12.71.01.234567.0001", "NIK [NIK]"],
    ["NIK 1271/0123/4567/0001", "NIK [NIK]"],
    ["NIK 1271_0123_4567_0001", "NIK [NIK]"],
    ["NIK 1271  0123  4567  0001", "NIK [NIK]"],
    ["NIK １２７１０１２３４５６７０００１", "NIK [NIK]"],
    ["hubungi 081234567890 ya", "hubungi [nomor telepon] ya"],
    ["WA +62 812-3456-7890", "WA [nomor telepon]"],
    ["WA (0812) 3456-7890", "WA [nomor telepon]"],
    ["telp (061) 4567890 kantor", "telp [nomor telepon] kantor"],
    ["hp 0812/3456/7890", "hp [nomor telepon]"],
    ["hp 0812\u20113456\u20117890", "hp [nomor telepon]"],
    ["hp 0812\u00a03456\u00a07890", "hp [nomor telepon]"],
    ["hp ０８１２３４５６７８９０", "hp [nomor telepon]"],
    ["(hubungi 081234567890)", "(hubungi [nomor telepon])"],
    ["email budi.s@gmail.com tolong", "email [email] tolong"],
    ["email budi＠gmail.com", "email [email]"],
    ["email budi @ gmail.co.id", "email [email]"],
    ["antri 45 menit di loket 3", "antri 45 menit di loket 3"],
    ["biaya Rp 50.000", "biaya Rp 50.000"],
    ["datang 01/02/2026 jam 08.30 sampai 12.00", "datang 01/02/2026 jam 08.30 sampai 12.00"],
    ["tanggal 05/12/2026 10.00", "tanggal 05/12/2026 10.00"],
    ["antrian nomor 0123", "antrian nomor 0123"],
  ])("%j → %j", (input, expected) => {
    expect(maskComment(input)).toBe(expected);
  });
});
