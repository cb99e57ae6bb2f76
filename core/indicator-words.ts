/**
 * The words of volume and speed (docs/scoring.md, "Volume and speed"), Bahasa Indonesia first and
 * English second: the dashboard's pages and the indicators CSV say the same things the same way.
 * Plain data and Intl only, so browser bundles may import it.
 */
import type { Locale } from "./questionnaire.ts";
import { createWords, intlTag } from "./words.ts";

const id = {
  title: "Kunjungan dan kecepatan layanan",
  officerIntro:
    "Dari catatan sistem antrean: warga yang Anda layani, berapa yang memberi penilaian, dan berapa lama mereka menunggu dan dilayani. Waktu ditampilkan per layanan, di samping angka seluruh instansi untuk layanan yang sama.",
  agencyIntro:
    "Dari catatan sistem antrean. Waktu hanya dibandingkan dalam layanan yang sama (KTP dan akta kelahiran memerlukan waktu yang berbeda), tanpa peringkat antarlayanan.",
  visits: "Kunjungan dilayani",
  visitsN: "{n} kunjungan",
  rated: "Dinilai",
  responseRate: "Tingkat respons",
  rateOf: "{rate} ({rated} dari {visits} kunjungan dinilai)",
  waitTime: "Waktu tunggu",
  serviceTime: "Waktu layanan",
  medianP90: "median · 90%",
  timeFigures: "{median} · {p90}",
  minutes: "{n} menit",
  nKnown: "n {n}",
  notEnough: "Data belum cukup: {n} dari minimal {min} kunjungan",
  notEnoughShort: "data belum cukup",
  flagged: "Kunjungan janggal",
  flaggedN: "{n} kunjungan, tidak dihitung",
  noVisits: "Belum ada kunjungan dari sistem antrean pada periode ini.",
  you: "Anda",
  agency: "Seluruh instansi",
  service: "Layanan",
  counter: "Loket",
  officer: "Petugas",
  whose: "Siapa",
  byService: "Per layanan",
  byCounter: "Per loket dan layanan",
  byOfficer: "Per petugas",
  officerTimes: "Waktu per layanan dan petugas",
  satisfaction: "Kepuasan (skor adil)",
  satisfactionN: "{score} ({n} penilaian)",
  method:
    "Kunjungan dan waktu dari sistem antrean: tunggu = ambil nomor → dipanggil, layanan = dilayani → selesai; median dan 90% dengan peringkat terdekat, dibulatkan ke atas (per menit sampai 30 menit, lalu per 5 dan 30 menit); tingkat respons = kunjungan dinilai ÷ kunjungan; kunjungan janggal tidak dihitung; di bawah {min} kunjungan: data belum cukup.",
  csv: "Unduh indikator (CSV)",
  level: "Tingkat",
  levelAgency: "Instansi",
  levelService: "Layanan",
  levelCounter: "Loket",
  levelOfficer: "Petugas",
  name: "Nama",
  allServices: "Semua layanan",
  ratePercent: "Tingkat respons (%)",
  waitN: "Waktu tunggu: n",
  waitMedian: "Waktu tunggu: median (menit)",
  waitP90: "Waktu tunggu: 90% (menit)",
  serviceN: "Waktu layanan: n",
  serviceMedian: "Waktu layanan: median (menit)",
  serviceP90: "Waktu layanan: 90% (menit)",
  flaggedColumn: "Kunjungan janggal",
  satisfactionNColumn: "Penilaian kepuasan (n)",
  fairColumn: "Skor adil kepuasan",
  note: "Catatan",
};

/** The words of volume and speed. */
export const sayIndicator = createWords<keyof typeof id>({
  id,
  en: {
    title: "Visits and speed of service",
    officerIntro:
      "From the queue system's log: the citizens you served, how many rated, and how long they waited and were served. Times are shown per service, beside the whole agency's figure for the same service.",
    agencyIntro:
      "From the queue system's log. Times are compared only within the same service (an ID card and a birth certificate take different times), with no ranking across services.",
    visits: "Visits served",
    visitsN: "{n} visits",
    rated: "Rated",
    responseRate: "Response rate",
    rateOf: "{rate} ({rated} of {visits} visits rated)",
    waitTime: "Waiting time",
    serviceTime: "Service time",
    medianP90: "median · 90%",
    timeFigures: "{median} · {p90}",
    minutes: "{n} min",
    nKnown: "n {n}",
    notEnough: "Not enough data: {n} of at least {min} visits",
    notEnoughShort: "not enough data",
    flagged: "Implausible visits",
    flaggedN: "{n} visits, not counted",
    noVisits: "No visits from the queue system in this period yet.",
    you: "You",
    agency: "Whole agency",
    service: "Service",
    counter: "Counter",
    officer: "Officer",
    whose: "Whose",
    byService: "By service",
    byCounter: "By counter and service",
    byOfficer: "By officer",
    officerTimes: "Times by service and officer",
    satisfaction: "Satisfaction (fair score)",
    satisfactionN: "{score} ({n} ratings)",
    method:
      "Visits and times from the queue system: waiting = number taken → called, service = served → finished; median and 90% by nearest rank, rounded up (by the minute up to 30 minutes, then by 5 and 30 minutes); response rate = rated visits ÷ visits; implausible visits are not counted; below {min} visits: not enough data.",
    csv: "Download indicators (CSV)",
    level: "Level",
    levelAgency: "Agency",
    levelService: "Service",
    levelCounter: "Counter",
    levelOfficer: "Officer",
    name: "Name",
    allServices: "All services",
    ratePercent: "Response rate (%)",
    waitN: "Waiting time: n",
    waitMedian: "Waiting time: median (minutes)",
    waitP90: "Waiting time: 90% (minutes)",
    serviceN: "Service time: n",
    serviceMedian: "Service time: median (minutes)",
    serviceP90: "Service time: 90% (minutes)",
    flaggedColumn: "Implausible visits",
    satisfactionNColumn: "Satisfaction ratings (n)",
    fairColumn: "Satisfaction fair score",
    note: "Note",
  },
});

/** A response rate (0–1) as a whole percent in the reader's way ("41%"). */
export const percent = (rate: number, locale: Locale) =>
  new Intl.NumberFormat(intlTag(locale), { style: "percent", maximumFractionDigits: 0 }).format(rate);
