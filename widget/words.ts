/**
 * The words of <suara-rating>'s first paint, Bahasa Indonesia first and English second;
 * the follow-up's and survey's are in steps-words.ts and the badge's in badge-words.ts,
 * so each loads with its part. The API's ticket codes (ticket_used, …) are worded here.
 */
import { createWords } from "../core/words.ts";

/** A first-paint word in a locale. */
export const say = createWords({
  id: {
    howWasService: "Bagaimana pelayanan kami hari ini?",
    thanks: "Terima kasih atas penilaian Anda.",
    ticket_used: "Tiket ini sudah dipakai untuk menilai.",
    ticket_expired: "Tiket ini sudah kedaluwarsa.",
    ticket_unknown: "Tiket tidak ditemukan.",
    servedBy: "Dilayani oleh",
    loading: "Memuat…",
    refused: "Penilaian belum dapat diterima situs ini.",
    kept: "Tersimpan di perangkat ini; dikirim saat koneksi kembali.",
    again: "Nilai lagi",
    rate: "Nilai layanan kami",
    close: "Tutup",
  },
  en: {
    howWasService: "How was our service today?",
    thanks: "Thank you for your rating.",
    ticket_used: "This ticket was already used.",
    ticket_expired: "This ticket has expired.",
    ticket_unknown: "Ticket not found.",
    servedBy: "Served by",
    loading: "Loading…",
    refused: "This site cannot take ratings yet.",
    kept: "Saved on this device; sent when the connection is back.",
    again: "Rate again",
    rate: "Rate our service",
    close: "Close",
  },
});
