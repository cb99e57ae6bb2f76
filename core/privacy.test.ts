import { describe, expect, it } from "vitest";
import { maskComment } from "./privacy.ts";

describe("maskComment", () => {
  it.each([
    ["NIK saya 1271012345670001 belum jadi", "NIK saya [NIK] belum jadi"],
    ["NIK 1271 0123 4567 0001.", "NIK [NIK]."],
    ["hubungi 081234567890 ya", "hubungi [nomor telepon] ya"],
    ["WA +62 812-3456-7890", "WA [nomor telepon]"],
    ["email budi.s@gmail.com tolong", "email [email] tolong"],
    ["antri 45 menit di loket 3", "antri 45 menit di loket 3"],
    ["biaya Rp 50.000", "biaya Rp 50.000"],
  ])("%j → %j", (input, expected) => {
    expect(maskComment(input)).toBe(expected);
  });
});
