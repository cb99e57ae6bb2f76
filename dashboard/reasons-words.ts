/**
 * The words of citizens' reasons and possible levies (the overview, the printed report, the
 * comments filter), Bahasa Indonesia first and English second. Apart from text.ts so the
 * feature's words stay together; the reasons themselves are worded in core/questionnaire.ts.
 */
import { createWords } from "../core/words.ts";

const id = {
  title: "Alasan penilaian rendah",
  intro:
    "Alasan yang dipilih warga setelah wajah “Tidak puas” atau “Kurang puas”, dari penilaian yang dihitung. Satu penilaian dapat memberi beberapa alasan.",
  withReason: "{n} penilaian memberi alasan.",
  reason: "Alasan",
  times: "Jumlah",
  unlisted: "Alasan di luar daftar",
  byService: "Alasan per layanan",
  byCounter: "Alasan per loket",
  byOfficer: "Alasan per petugas",
  byOfficerNote:
    "Per petugas hanya penilaian yang dihitung untuknya (tiket yang dibuat petugas untuk dirinya sendiri tidak).",
  service: "Layanan",
  counter: "Loket",
  officer: "Petugas",
  levyColumn: "Kemungkinan pungli",
  none: "Belum ada alasan yang diberikan pada periode ini.",
  leviesTitle: "Kemungkinan pungutan liar",
  leviesIntro:
    "Penilaian dengan alasan “Diminta biaya” atau komentar yang menyebut uang (Rp, uang, bayar, pungli, amplop, …). Ini bukan bukti: bacalah dan tindak lanjuti sesuai aturan.",
  leviesCount: "{n} penilaian pada periode ini.",
  leviesShown: "Ditampilkan {shown} yang terbaru.",
  noLevies: "Tidak ada kemungkinan pungutan liar pada periode ini.",
  time: "Waktu ({zone})",
  comment: "Komentar",
  noComment: "tanpa komentar",
  possibleLevy: "Kemungkinan pungutan liar",
  filter: "Alasan",
  allReasons: "Semua alasan",
};

export const sayReasons = createWords<keyof typeof id>({
  id,
  en: {
    title: "Reasons for low ratings",
    intro:
      "The reasons citizens chose after a “Dissatisfied” or “Somewhat dissatisfied” face, from the ratings that count. One rating may give several reasons.",
    withReason: "{n} ratings gave a reason.",
    reason: "Reason",
    times: "Times given",
    unlisted: "Reasons not on the list",
    byService: "Reasons by service",
    byCounter: "Reasons by counter",
    byOfficer: "Reasons by officer",
    byOfficerNote: "By officer, only the ratings credited to them (not tickets officers made for themselves).",
    service: "Service",
    counter: "Counter",
    officer: "Officer",
    levyColumn: "Possible levies",
    none: "No reasons were given in this period.",
    leviesTitle: "Possible illegal levies",
    leviesIntro:
      "Ratings with the reason “I was asked to pay” or a comment that speaks of money (Rp, uang, bayar, pungli, amplop, …). This is not proof: read them and follow up as the rules require.",
    leviesCount: "{n} ratings in this period.",
    leviesShown: "The latest {shown} are shown.",
    noLevies: "No possible illegal levies in this period.",
    time: "Time ({zone})",
    comment: "Comment",
    noComment: "no comment",
    possibleLevy: "Possible illegal levy",
    filter: "Reason",
    allReasons: "All reasons",
  },
});
