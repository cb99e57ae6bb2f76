/** The words of the embed's follow-up and SKM survey steps (loaded with them), Bahasa Indonesia first. */
import { createWords } from "../core/words.ts";

/** A follow-up or survey word in a locale, with `{n}` placeholders filled. */
export const sayStep = createWords({
  id: {
    whatWrong: "Apa yang kurang? (opsional)",
    comment: "Saran atau komentar (opsional)",
    fullSurvey: "Isi survei lengkap",
    finish: "Selesai",
    question: "Pertanyaan {n} dari {all}",
    skip: "Lewati",
    back: "Kembali",
    profile: "Tentang Anda (opsional)",
    gender: "Jenis kelamin",
    age: "Usia (tahun)",
    education: "Pendidikan terakhir",
    occupation: "Pekerjaan",
  },
  en: {
    whatWrong: "What fell short? (optional)",
    comment: "Suggestion or comment (optional)",
    fullSurvey: "Take the full survey",
    finish: "Done",
    question: "Question {n} of {all}",
    skip: "Skip",
    back: "Back",
    profile: "About you (optional)",
    gender: "Gender",
    age: "Age (years)",
    education: "Education",
    occupation: "Occupation",
  },
});

/**
 * Which first-paint word (widget/words.ts) says an API error the widget meets (core/api-errors.ts):
 * a ticket's own state where the citizen can do nothing more, else the neutral refusal. The code
 * itself goes only to the console and the `suara-error` event, for the integrator. Here, in the
 * lazily loaded part, because every answer to a tap is heard after the steps have loaded.
 */
export const refusal = (code: string) =>
  code === "ticket_used" || code === "ticket_expired" ? code : /ticket/.test(code) ? "ticket_unknown" : "refused";
