/** The words of the report's publications card (publications.tsx), Bahasa Indonesia first. */
import { createWords } from "../../core/words.ts";

/** A publications word in a locale, with its `{name}` placeholders filled. */
export const sayPublications = createWords({
  id: {
    title: "Publikasi hasil survei",
    intro:
      "Hasil yang diterbitkan dibekukan: halaman publik dan lencana IKM hanya menampilkan terbitan, tidak pernah angka langsung.",
    publicPage: "Buka halaman hasil publik",
    publish: "Terbitkan hasil",
    publishOf: "Terbitkan hasil {period}",
    freezes:
      "Yang dibekukan: IKM {ikm} ({mutu}), nilai 9 unsur, {respondents} responden, kecukupan sampel, metode, dan rencana tindak lanjut (RTL) yang tertulis untuk periode ini.",
    confirm:
      "Terbitkan hasil {period} untuk publik?\n\nYang dibekukan: IKM {ikm} ({mutu}), nilai 9 unsur, {respondents} responden, kecukupan sampel (minimal {required}), metode perhitungan, dan RTL yang tertulis untuk periode ini. Penilaian yang masuk sesudahnya tidak mengubah terbitan ini.{correction}",
    confirmCorrection: "\n\nIni koreksi: terbitan {at} tetap terlihat, ditandai dikoreksi.",
    published: "Hasil {period} diterbitkan.",
    noIkm: "{period} belum dapat diterbitkan: IKM belum dapat dihitung karena belum semua unsur terjawab.",
    range: "Hanya periode bernama (bulan, triwulan, semester, tahun) yang dapat diterbitkan.",
    none: "Belum ada hasil yang diterbitkan.",
    period: "Periode",
    ikm: "IKM",
    respondents: "Responden",
    publishedAt: "Diterbitkan",
    by: "Oleh",
    state: "Status",
    current: "Berlaku",
    superseded: "Dikoreksi {at}",
    accountGone: "Akun terhapus",
  },
  en: {
    title: "Published survey results",
    intro:
      "Published results are frozen: the public page and the IKM badge show only publications, never live figures.",
    publicPage: "Open the public results page",
    publish: "Publish results",
    publishOf: "Publish the results of {period}",
    freezes:
      "Frozen: IKM {ikm} ({mutu}), the 9 elements' scores, {respondents} respondents, the sample adequacy, the method and the follow-up plan (RTL) written for the period.",
    confirm:
      "Publish the results of {period}?\n\nFrozen: IKM {ikm} ({mutu}), the 9 elements' scores, {respondents} respondents, the sample adequacy (at least {required}), the method and the RTL written for the period. Ratings that arrive later do not change this publication.{correction}",
    confirmCorrection: "\n\nThis is a correction: the publication of {at} stays visible, marked corrected.",
    published: "The results of {period} are published.",
    noIkm: "{period} cannot be published yet: there is no IKM until every element has answers.",
    range: "Only a named period (month, quarter, semester, year) can be published.",
    none: "Nothing has been published yet.",
    period: "Period",
    ikm: "IKM",
    respondents: "Respondents",
    publishedAt: "Published",
    by: "By",
    state: "Status",
    current: "Current",
    superseded: "Corrected {at}",
    accountGone: "Account removed",
  },
});
