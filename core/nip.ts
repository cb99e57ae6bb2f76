/**
 * The NIP (Nomor Induk Pegawai) of a civil servant: 18 digits laid out by BKN as
 * the birth date (YYYYMMDD), the month of appointment (YYYYMM), the gender
 * (1 male, 2 female) and a sequence number. Pure, so forms can check it as it is typed.
 */

const validDate = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** What is wrong with an NIP, in words, or null when it is well formed. */
export function nipProblem(nip: string, now = new Date()): string | null {
  if (!/^\d{18}$/.test(nip)) return "an NIP is 18 digits";
  const [by, bm, bd] = [nip.slice(0, 4), nip.slice(4, 6), nip.slice(6, 8)].map(Number);
  const thisYear = now.getUTCFullYear();
  if (by < 1940 || by > thisYear - 15 || !validDate(by, bm, bd)) return "its first 8 digits are not a birth date";
  const [ay, am] = [Number(nip.slice(8, 12)), Number(nip.slice(12, 14))];
  if (ay < by + 15 || ay > thisYear || am < 1 || am > 12) return "digits 9–14 are not a month of appointment";
  if (nip[14] !== "1" && nip[14] !== "2") return "digit 15 (gender) must be 1 or 2";
  return null;
}
