/**
 * The words of officers' answers (issue 20, item 4), Bahasa Indonesia first and English second:
 * the officer's reply under a comment, feedback for a period (umpan balik berkelanjutan,
 * PermenPANRB 6/2022) and its acknowledgment. Apart from text.ts so they load with these
 * screens; the API's codes for them are worded here.
 */
import { createWords } from "../core/words.ts";

const id = {
  reply: "Balas",
  replyTo: "Balas komentar ini",
  replyLabel: "Balasan Anda",
  replyHint:
    "Dibaca atasan dan admin instansi Anda, tidak pernah oleh warga atau petugas lain. Sekali kirim, tidak dapat diubah. Maksimal {max} karakter.",
  replyNeeded: "Tulis balasan Anda.",
  sendReply: "Kirim balasan",
  sending: "Mengirim…",
  cancel: "Batal",
  replyOf: "Balasan petugas",
  repliedAt: "Dibalas {when}",
  already_replied: "Komentar ini sudah Anda balas.",
  not_found: "Komentar atau umpan balik ini tidak ditemukan.",
  already_acknowledged: "Umpan balik ini sudah Anda tandai dibaca.",
  // Feedback, as the officer reads it
  myFeedbackTitle: "Umpan balik atasan",
  myFeedbackIntro:
    "Umpan balik berkelanjutan dari atasan Anda (PermenPANRB 6/2022). Tandai setelah Anda membacanya; atasan melihat kapan.",
  noFeedback: "Belum ada umpan balik untuk periode ini.",
  feedbackMeta: "{period} · dari {by} · {when}",
  someone: "akun yang sudah dihapus",
  acknowledge: "Saya sudah membaca",
  acknowledging: "Menyimpan…",
  acknowledgedAt: "Dibaca {when}",
  notAcknowledged: "Belum ditandai dibaca",
  // Feedback, as supervisors and admins give it
  officerFeedbackTitle: "Umpan balik untuk {name}",
  officerFeedbackIntro:
    "Tulis umpan balik berkelanjutan untuk petugas ini (PermenPANRB 6/2022). Petugas membacanya di halamannya dan menandainya dibaca; semuanya tercatat di log audit.",
  giveFeedbackTitle: "Tulis umpan balik",
  feedbackPeriod: "Periode",
  feedbackText: "Umpan balik",
  feedbackHint: "Nomor telepon, NIK dan e-mail disamarkan. Maksimal {max} karakter.",
  feedbackNeeded: "Tulis umpan baliknya.",
  sendFeedback: "Kirim umpan balik",
  feedbackSent: "Umpan balik terkirim.",
  givenTitle: "Umpan balik yang sudah diberikan",
  noFeedbackGiven: "Belum ada umpan balik untuk petugas ini.",
  ownFeedback: "Umpan balik untuk diri sendiri tidak dapat ditulis; atasan Anda yang menuliskannya.",
  backToOfficers: "Kembali ke daftar petugas",
  feedbackLink: "Umpan balik untuk {name}",
  // The evidence page
  evidenceFeedback: "Umpan balik atasan pada periode ini",
  evidenceReplies: "Balasan petugas atas komentar lain",
};

const en: typeof id = {
  reply: "Reply",
  replyTo: "Reply to this comment",
  replyLabel: "Your reply",
  replyHint:
    "Read by your supervisors and your agency's admins, never by citizens or other officers. Sent once, it cannot be changed. At most {max} characters.",
  replyNeeded: "Write your reply.",
  sendReply: "Send reply",
  sending: "Sending…",
  cancel: "Cancel",
  replyOf: "Officer's reply",
  repliedAt: "Replied {when}",
  already_replied: "You replied to this comment already.",
  not_found: "This comment or feedback was not found.",
  already_acknowledged: "You marked this feedback as read already.",
  myFeedbackTitle: "Feedback from your supervisor",
  myFeedbackIntro:
    "Continuous feedback from your supervisor (PermenPANRB 6/2022). Mark it once you have read it; your supervisor sees when.",
  noFeedback: "No feedback for this period yet.",
  feedbackMeta: "{period} · from {by} · {when}",
  someone: "a removed account",
  acknowledge: "I have read this",
  acknowledging: "Saving…",
  acknowledgedAt: "Read {when}",
  notAcknowledged: "Not marked as read yet",
  officerFeedbackTitle: "Feedback for {name}",
  officerFeedbackIntro:
    "Write continuous feedback for this officer (PermenPANRB 6/2022). The officer reads it on their page and marks it as read; all of it is in the audit log.",
  giveFeedbackTitle: "Write feedback",
  feedbackPeriod: "Period",
  feedbackText: "Feedback",
  feedbackHint: "Phone numbers, NIKs and e-mail addresses are masked. At most {max} characters.",
  feedbackNeeded: "Write the feedback.",
  sendFeedback: "Send feedback",
  feedbackSent: "Feedback sent.",
  givenTitle: "Feedback given",
  noFeedbackGiven: "No feedback for this officer yet.",
  ownFeedback: "You cannot write feedback to yourself; your supervisor writes it.",
  backToOfficers: "Back to the officers",
  feedbackLink: "Feedback for {name}",
  evidenceFeedback: "Supervisor's feedback in this period",
  evidenceReplies: "The officer's replies to other comments",
};

/** A message of officers' answers in a locale, with `{name}` placeholders filled. */
export const answerText = createWords({ id, en });

/** An API refusal of a reply or an acknowledgment in words, or null for one the generic wording covers. */
export function answerRefusal(locale: "id" | "en", code: string): string | null {
  return code === "already_replied" || code === "already_acknowledged" || code === "not_found"
    ? answerText(locale, code)
    : null;
}
