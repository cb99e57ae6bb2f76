/**
 * Interface messages, Bahasa Indonesia first and English second. The front
 * ends pick a locale from the page or the user's choice; the API keeps codes.
 */
import type { Locale } from "./questionnaire.ts";

/** Every interface message in both locales. */
export const MESSAGES = {
  id: {
    howWasService: "Bagaimana pelayanan kami hari ini?",
    send: "Kirim",
    sending: "Mengirim…",
    thanks: "Terima kasih atas penilaian Anda.",
    sendFailed: "Penilaian belum terkirim. Periksa koneksi lalu coba lagi.",
    ticketUsed: "Tiket ini sudah dipakai untuk menilai.",
    ticketExpired: "Tiket ini sudah kedaluwarsa.",
    ticketUnknown: "Tiket tidak ditemukan.",
    servedBy: "Dilayani oleh",
    chooseFace: "Pilih salah satu wajah.",
    comment: "Saran atau komentar (opsional)",
    loading: "Memuat…",
  },
  en: {
    howWasService: "How was our service today?",
    send: "Send",
    sending: "Sending…",
    thanks: "Thank you for your rating.",
    sendFailed: "Your rating was not sent. Check the connection and try again.",
    ticketUsed: "This ticket has already been used.",
    ticketExpired: "This ticket has expired.",
    ticketUnknown: "Ticket not found.",
    servedBy: "Served by",
    chooseFace: "Choose one of the faces.",
    comment: "Suggestion or comment (optional)",
    loading: "Loading…",
  },
} satisfies Record<Locale, Record<string, string>>;

/** The message keys. */
export type MessageKey = keyof (typeof MESSAGES)["id"];

/** The messages of a locale; anything but English falls back to Bahasa Indonesia. */
export const messages = (locale: string | null | undefined) => MESSAGES[locale?.startsWith("en") ? "en" : "id"];
