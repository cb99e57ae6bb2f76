/**
 * The words of contests (keberatan), Bahasa Indonesia first and English second:
 * the officer's form and its outcome, and the supervisors' page. Apart from
 * text.ts so they load with these screens; API error codes are worded here.
 */
import type { ContestReason } from "../core/contest-reasons.ts";
import type { Locale } from "../core/questionnaire.ts";
import { createWords } from "../core/words.ts";

const id = {
  contest: "Ajukan keberatan",
  contestTitle: "Keberatan atas penilaian ini",
  reasonLegend: "Alasan keberatan",
  reason_not_served_by_me: "Bukan saya yang melayani warga ini",
  reason_not_a_real_service: "Tidak ada layanan sungguhan (uji coba, salah tekan)",
  reason_outside_my_duty: "Di luar jam tugas saya",
  reason_abusive: "Komentar kasar atau menghina",
  reason_other: "Lainnya",
  note: "Catatan",
  noteHint: "Jelaskan singkat, maksimal {max} karakter. Wajib bila memilih “Lainnya”.",
  send: "Kirim keberatan",
  sending: "Mengirim…",
  cancel: "Batal",
  pickReason: "Pilih salah satu alasan.",
  noteNeeded: "Tulis catatan bila alasannya “Lainnya”.",
  already_contested: "Penilaian ini sudah diajukan keberatan.",
  already_decided: "Keberatan ini sudah diputuskan oleh orang lain. Daftar diperbarui.",
  not_found: "Penilaian atau keberatan ini tidak ditemukan.",
  forbidden: "Anda tidak berhak memutuskan keberatan ini (keberatan Anda sendiri diputuskan orang lain).",
  pending: "Keberatan diajukan — menunggu keputusan",
  pendingWhy: "Alasan Anda: {reason}",
  kept: "Dipertahankan",
  excluded: "Dikecualikan",
  keptMeans: "Keberatan diputuskan: penilaian dipertahankan dan tetap dihitung.",
  excludedMeans: "Keberatan diputuskan: penilaian dikecualikan dan tidak dihitung lagi.",
  decisionNote: "Catatan keputusan: {note}",
  // the supervisors' page
  pageTitle: "Keberatan petugas",
  pageIntro:
    "Petugas dapat mengajukan keberatan atas penilaian yang ditujukan kepadanya. Penilaian tetap dihitung sampai diputuskan. Pertahankan bila penilaian itu sah; kecualikan bila tidak. Setiap keputusan tercatat di log audit dan dilihat oleh petugasnya.",
  openTitle: "Menunggu keputusan",
  decidedTitle: "Sudah diputuskan",
  noOpen: "Tidak ada keberatan yang menunggu keputusan.",
  noDecided: "Belum ada keberatan yang diputuskan.",
  officer: "Petugas",
  rating: "Penilaian",
  comment: "Komentar",
  officerNote: "Catatan petugas",
  noNote: "(tanpa catatan)",
  noComment: "(tanpa komentar)",
  contestedAt: "Diajukan {when}",
  decidedAt: "Diputuskan {when} oleh {who}",
  keep: "Pertahankan",
  exclude: "Kecualikan",
  keepOf: "Pertahankan penilaian untuk {name}",
  excludeOf: "Kecualikan penilaian untuk {name}",
  decideKeepTitle: "Pertahankan penilaian ini",
  decideExcludeTitle: "Kecualikan penilaian ini",
  decideWhy: "Alasan keputusan",
  decideWhyHint: "Petugas akan membaca alasan ini. Maksimal {max} karakter.",
  whyNeeded: "Tulis alasan keputusan.",
  confirmKeep: "Simpan: pertahankan",
  confirmExclude: "Simpan: kecualikan",
  decided: "Keberatan {name} diputuskan: {decision}.",
  more: "Muat lebih banyak",
} as const;

/** A contest message key. */
export type ContestKey = keyof typeof id;

const en = {
  contest: "Contest",
  contestTitle: "Contest this rating",
  reasonLegend: "Why you contest it",
  reason_not_served_by_me: "I did not serve this citizen",
  reason_not_a_real_service: "Not a real service (a test, a mistaken tap)",
  reason_outside_my_duty: "Outside my duty",
  reason_abusive: "Abusive or insulting comment",
  reason_other: "Other",
  note: "Note",
  noteHint: "Say briefly why, at most {max} characters. Required for “Other”.",
  send: "Send contest",
  sending: "Sending…",
  cancel: "Cancel",
  pickReason: "Choose one reason.",
  noteNeeded: "Write a note when the reason is “Other”.",
  already_contested: "This rating was contested already.",
  already_decided: "Someone else decided this contest already. The list is updated.",
  not_found: "This rating or contest was not found.",
  forbidden: "You may not decide this contest (your own contests are decided by someone else).",
  pending: "Contested — awaiting a decision",
  pendingWhy: "Your reason: {reason}",
  kept: "Kept",
  excluded: "Excluded",
  keptMeans: "Contest decided: the rating is kept and still counts.",
  excludedMeans: "Contest decided: the rating is excluded and no longer counts.",
  decisionNote: "Decision note: {note}",
  pageTitle: "Officers' contests",
  pageIntro:
    "Officers may contest a rating attributed to them. The rating counts until it is decided. Keep it when it is genuine; exclude it when it is not. Every decision is in the audit log and shown to the officer.",
  openTitle: "Awaiting a decision",
  decidedTitle: "Decided",
  noOpen: "No contests await a decision.",
  noDecided: "No contests decided yet.",
  officer: "Officer",
  rating: "Rating",
  comment: "Comment",
  officerNote: "Officer's note",
  noNote: "(no note)",
  noComment: "(no comment)",
  contestedAt: "Contested {when}",
  decidedAt: "Decided {when} by {who}",
  keep: "Keep",
  exclude: "Exclude",
  keepOf: "Keep the rating for {name}",
  excludeOf: "Exclude the rating for {name}",
  decideKeepTitle: "Keep this rating",
  decideExcludeTitle: "Exclude this rating",
  decideWhy: "Reason for the decision",
  decideWhyHint: "The officer will read this. At most {max} characters.",
  whyNeeded: "Write the reason for the decision.",
  confirmKeep: "Save: keep",
  confirmExclude: "Save: exclude",
  decided: "{name}'s contest decided: {decision}.",
  more: "Load more",
};

/** A contest message in a locale, with `{name}` placeholders filled. */
export const contestText = createWords({ id, en });

/** A contest reason in words. */
export const reasonText = (locale: Locale, reason: ContestReason) => contestText(locale, `reason_${reason}`);

/** An API refusal of a contest or decision in words, or null for one the generic wording covers. */
export function contestRefusal(locale: Locale, code: string): string | null {
  return code === "already_contested" || code === "already_decided" || code === "not_found" || code === "forbidden"
    ? contestText(locale, code)
    : null;
}
