/**
 * The words of the population an agency states for a period (dashboard/pages/population.tsx): the
 * sample size it sets, who stated it, and the form that states or withdraws it (docs/scoring.md,
 * "Sample size"), in Bahasa Indonesia and English.
 */
import { createWords } from "../core/words.ts";

const id = {
  populationAssumed:
    "Minimal {n} responden mengandaikan jumlah penerima layanan yang besar atau tidak diketahui. Isi jumlah penerima layanan pada periode agar minimalnya dibaca dari tabel Krejcie & Morgan.",
  populationAssumedReport:
    "Minimal {n} responden mengandaikan jumlah penerima layanan yang besar atau tidak diketahui (jumlahnya belum diisi di Ringkasan).",
  populationStated: "Minimal untuk {population} penerima layanan pada periode, menurut tabel Krejcie & Morgan.",
  statePopulation: "Isi jumlah penerima layanan",
  populationAssumedReader:
    "Minimal {n} responden mengandaikan jumlah penerima layanan yang besar atau tidak diketahui; jumlahnya dinyatakan oleh admin instansi.",
  populationStatedBy: "Dinyatakan oleh {name}, {at}.",
  populationStatedByGone: "Dinyatakan oleh akun yang sudah dihapus, {at}.",
  populationKept: "Disimpan untuk instansi dan periode ini: semua pembaca dan laporan cetak memakai angka yang sama.",
  populationRangeHint: "Untuk rentang tanggal, angka ini hanya berlaku pada tampilan ini dan tidak disimpan.",
  populationInvalid: "Isi bilangan bulat dari 1 sampai {max}.",
  populationSave: "Simpan",
  populationSaved: "Jumlah penerima layanan {period} disimpan.",
  populationWithdraw: "Hapus angka",
  populationWithdrawOf: "Hapus jumlah penerima layanan {period}",
  populationWithdrawConfirm: "Hapus jumlah penerima layanan {period}? Minimal 384 responden diandaikan lagi.",
  populationWithdrawn: "Jumlah penerima layanan {period} dihapus.",
} as const;

/** A message of the stated population in a locale, with its placeholders filled. */
export const sayPopulation = createWords<keyof typeof id>({
  id,
  en: {
    populationAssumed:
      "At least {n} respondents assumes a large or unknown number of service users. Enter the number of service users in the period to read the minimum from the Krejcie & Morgan table.",
    populationAssumedReport:
      "At least {n} respondents assumes a large or unknown number of service users (the number is not entered in the Overview yet).",
    populationStated: "The minimum for {population} service users in the period, by the Krejcie & Morgan table.",
    statePopulation: "Enter the number of service users",
    populationAssumedReader:
      "A minimum of {n} respondents assumes a large or unknown number of service users; the agency's admins state the number.",
    populationStatedBy: "Stated by {name}, {at}.",
    populationStatedByGone: "Stated by an account since deleted, {at}.",
    populationKept: "Kept for this agency and period: every reader and the printed report use the same number.",
    populationRangeHint: "For a date range, this number holds for this view only and is not kept.",
    populationInvalid: "Enter a whole number from 1 to {max}.",
    populationSave: "Save",
    populationSaved: "Service users for {period} saved.",
    populationWithdraw: "Remove the number",
    populationWithdrawOf: "Remove the service users for {period}",
    populationWithdrawConfirm: "Remove the service users for {period}? A minimum of 384 respondents is assumed again.",
    populationWithdrawn: "Service users for {period} removed.",
  },
});
