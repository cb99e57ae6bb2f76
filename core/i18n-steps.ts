/** The words of the embed's follow-up and SKM survey steps (loaded with them), Bahasa Indonesia first. */
import type { Locale } from "./questionnaire.ts";

const STEP_MESSAGES = {
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
    education: "Education",
    occupation: "Occupation",
  },
} satisfies Record<Locale, Record<string, string>>;

/** The step words of a locale. */
export const stepMessages = (locale: Locale) => STEP_MESSAGES[locale];
