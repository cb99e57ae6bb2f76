/**
 * The words of the duty pages (the supervisors' duty board, the officer's ticket
 * QR and check-in), Bahasa Indonesia here (the keys come from these) and English
 * in words-en.ts. Apart from text.ts so they load with these pages, not with sign-in.
 */

import { useContext } from "preact/hooks";
import type { Locale } from "../../../core/questionnaire.ts";
import { createWords } from "../../../core/words.ts";
import { Session } from "../../context.ts";
import { en } from "./words-en.ts";

const id = {
  // the duty board
  boardTitle: "Petugas bertugas",
  boardAbout:
    "Siapa yang bertugas di setiap loket sekarang. Penilaian di tablet loket dihitung untuk petugas yang bertugas. Tugas yang lupa diakhiri berakhir sendiri satu jam setelah loket tutup; di sini Anda dapat mengakhirinya lebih awal, dengan alasan.",
  supervisorsOnly: "Halaman ini untuk supervisor, admin instansi dan admin wilayah.",
  refresh: "Perbarui",
  refreshedAt: "Diperbarui pukul {time}, dan sendiri tiap 15 detik.",
  boardEmpty: "Belum ada loket. Admin instansi menambahkannya di Kelola → Loket.",
  codeCloses: "{code} · tutup {time}",
  officer: "Petugas",
  nip: "NIP",
  since: "Sejak",
  startedVia: "Dimulai dari",
  free: "Kosong",
  sinceValue: "{time} ({duration})",
  justNow: "baru saja",
  minutes: "{m} menit",
  hoursMinutes: "{h} jam {m} menit",
  daysHours: "{d} hari {h} jam",
  via_tablet: "tablet loket",
  via_dashboard: "dasbor",
  via_api: "API",
  via_board: "papan tugas (supervisor)",
  via_replaced: "digantikan check-in berikutnya",
  via_deactivation: "petugas dinonaktifkan",
  via_auto: "otomatis, satu jam setelah loket tutup",
  viaUnknown: "tidak tercatat",
  end: "Akhiri tugas",
  endOf: "Akhiri tugas {name} di {counter}",
  endTitle: "Akhiri tugas {name} di {counter}?",
  endAbout:
    "Alasan dicatat di log audit bersama nama Anda. Penilaian tablet di loket ini tidak lagi dihitung untuk {name} sampai ia mulai bertugas lagi.",
  reason: "Alasan",
  reasonHint: "Mis. lupa mengakhiri tugas sebelum pulang. 3 sampai 300 huruf.",
  reasonShort: "Tulis alasannya, minimal 3 huruf.",
  cancel: "Batal",
  ended: "Tugas {name} di {counter} diakhiri.",
  endGone: "Tugas ini sudah berakhir: diakhiri orang lain atau berakhir sendiri. Daftar sudah diperbarui.",
  // the officer's ticket QR
  ticketTitle: "Tiket QR untuk warga",
  ticketAbout:
    "Buat tiket sekali pakai untuk warga yang baru Anda layani: ia memindai kode QR dengan ponselnya dan menilai pelayanan Anda.",
  officersOnly: "Halaman ini untuk petugas yang masuk dengan NIP.",
  service: "Layanan",
  counter: "Loket",
  counterNone: "Tanpa loket",
  counterOptional: "Loket (opsional)",
  noServices: "Instansi Anda belum punya jenis layanan. Minta admin instansi menambahkannya.",
  makeTicket: "Buat tiket",
  ticketReady: "Tiket siap dipindai",
  ticketQr: "Kode QR penilaian untuk warga: {url}",
  ticketLink: "Atau buka tautan ini:",
  ticketExpires: "Sekali pakai, berlaku sampai {time}.",
  selfNote:
    "Penilaian dari tiket yang Anda buat sendiri dihitung untuk nilai unit, tetapi tidak untuk indikator Anda: tidak ada pihak lain yang menjamin pelayanannya. Penilaian lewat tablet loket selama Anda bertugas, atau lewat sistem antrean instansi, dihitung untuk Anda.",
  newTicket: "Tiket baru",
  ticketPace:
    "Terlalu banyak tiket dalam waktu singkat (paling banyak 10 tiap 5 menit dan 60 tiap jam). Coba lagi dalam {wait}.",
  aWhile: "beberapa saat",
  seconds: "{s} detik",
  minutesSeconds: "{m} menit {s} detik",
  // checking in and out
  dutyTitle: "Tugas di loket",
  dutyAbout:
    "Mulai bertugas agar penilaian di tablet loket tercatat untuk Anda. Di tablet, tugas diakhiri dengan PIN Anda.",
  onDuty: "Anda bertugas di {counter} sejak {time}.",
  offDuty: "Anda sedang tidak bertugas di loket mana pun.",
  counterWho: "{counter}: {name}",
  counterFree: "{counter}: kosong",
  startDuty: "Mulai bertugas",
  endDuty: "Selesai bertugas",
  started: "Anda mulai bertugas di {counter}.",
  finished: "Tugas Anda di {counter} selesai.",
  counterBusy:
    "{name} sedang bertugas di loket ini. Ia mengakhiri tugasnya di tablet loket, atau supervisor mengakhirinya di halaman Petugas bertugas.",
  someoneElse: "Petugas lain",
  noDuty: "Tidak ada tugas yang berjalan di loket ini lagi.",
  noCounters: "Instansi Anda belum punya loket.",
} as const;

/** A message key of the duty pages. */
export type DutyKey = keyof typeof id;

/** A duty-page message in a locale with its placeholders filled; "" for a key made at run time that has no words. */
export const sayDuty = createWords({ id, en });

/** Where a duty started or ended (tablet, dasbor, API, …), in words; the code itself when it is new to these words. */
export function viaWords(locale: Locale, source: string | null | undefined): string {
  if (!source) return sayDuty(locale, "viaUnknown");
  return sayDuty(locale, `via_${source}` as DutyKey) || source;
}

/** The words of the duty pages for the signed-in person's language. */
export function useDutyWords() {
  const locale = useContext(Session).locale.value;
  return { locale, w: (key: DutyKey, values?: Record<string, string | number>) => sayDuty(locale, key, values) };
}
