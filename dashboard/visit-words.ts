/**
 * The words of the queue's visits on the dashboard (issue 21): the waiting and service time beside a
 * comment, and the flagged visits' card. Their own file: dashboard/text.ts was over 400 lines.
 */
import { createWords } from "../core/words.ts";

export const sayVisit = createWords({
  id: {
    visitWaited: "menunggu {n} menit",
    visitServed: "dilayani {n} menit",
    flaggedVisitsTitle: "Kunjungan bertanda",
    flaggedVisitsIntro:
      "Kunjungan dari mesin antrian yang waktunya tidak mungkin benar: selesai sebelum dilayani, dipanggil sebelum nomor diambil, lebih lama dari satu hari kerja, atau di luar jam layanan loket. Kunjungan ini disimpan apa adanya tetapi tidak dihitung dalam jumlah kunjungan, waktu tunggu, waktu layanan, maupun tingkat respons. Periksa jam dan pengaturan mesin antrian.",
    noFlaggedVisits: "Tidak ada kunjungan bertanda pada periode ini.",
    queueNumber: "Nomor antrian",
    visitTimesHead: "Ambil · panggil · layani · selesai",
  },
  en: {
    visitWaited: "waited {n} min",
    visitServed: "served in {n} min",
    flaggedVisitsTitle: "Flagged visits",
    flaggedVisitsIntro:
      "Visits from the queue machine whose times cannot be true: finished before they were served, called before the number was taken, longer than a working day, or outside the counter's hours. They are kept as they came but left out of the visit count, waiting and service times and the response rate. Check the queue machine's clock and settings.",
    noFlaggedVisits: "No flagged visits in this period.",
    queueNumber: "Queue number",
    visitTimesHead: "Taken · called · served · finished",
  },
});
