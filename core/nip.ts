/**
 * The NIP (Nomor Induk Pegawai) of a civil servant: 18 digits laid out by BKN as
 * the birth date (YYYYMMDD), the month of appointment (YYYYMM), the gender
 * (1 male, 2 female) and a sequence number. Pure, so forms can check it as it is typed.
 */

const validDate = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** What can be wrong with an NIP, in both locales. */
export const NIP_PROBLEMS = {
  nip_length: { en: "an NIP is 18 digits", id: "NIP terdiri dari 18 angka" },
  nip_birth: {
    en: "its first 8 digits are not a birth date",
    id: "8 angka pertama NIP bukan tanggal lahir yang mungkin",
  },
  nip_appointment: {
    en: "digits 9–14 are not a month of appointment",
    id: "angka ke-9 sampai ke-14 bukan bulan pengangkatan yang mungkin",
  },
  nip_gender: { en: "digit 15 (gender) must be 1 or 2", id: "angka ke-15 (jenis kelamin) harus 1 atau 2" },
} as const;

/** What is wrong with an NIP, as a key of NIP_PROBLEMS, or null when it is well formed. */
export function nipCheck(nip: string, now = new Date()): keyof typeof NIP_PROBLEMS | null {
  if (!/^\d{18}$/.test(nip)) return "nip_length";
  const [by, bm, bd] = [nip.slice(0, 4), nip.slice(4, 6), nip.slice(6, 8)].map(Number);
  const thisYear = now.getUTCFullYear();
  if (by < 1940 || by > thisYear - 15 || !validDate(by, bm, bd)) return "nip_birth";
  const [ay, am] = [Number(nip.slice(8, 12)), Number(nip.slice(12, 14))];
  if (ay < by + 15 || ay > thisYear || am < 1 || am > 12) return "nip_appointment";
  if (nip[14] !== "1" && nip[14] !== "2") return "nip_gender";
  return null;
}

/** What is wrong with an NIP, in words, or null when it is well formed. */
export function nipProblem(nip: string, now = new Date(), locale: "id" | "en" = "en"): string | null {
  const problem = nipCheck(nip, now);
  return problem && NIP_PROBLEMS[problem][locale];
}
