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
