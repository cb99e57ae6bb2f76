/**
 * The embed's interface messages, Bahasa Indonesia first and English second:
 * here what its first paint says; the follow-up and survey words are in
 * i18n-steps.ts and the badge's in i18n-badge.ts, so each loads with its part.
 */
import type { Locale } from "./questionnaire.ts";

/** The first paint's messages in both locales. */
export const MESSAGES = {
  id: {
    howWasService: "Bagaimana pelayanan kami hari ini?",
    thanks: "Terima kasih atas penilaian Anda.",
    ticketUsed: "Tiket ini sudah dipakai untuk menilai.",
    ticketExpired: "Tiket ini sudah kedaluwarsa.",
    ticketUnknown: "Tiket tidak ditemukan.",
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
    ticketUsed: "This ticket has already been used.",
    ticketExpired: "This ticket has expired.",
    ticketUnknown: "Ticket not found.",
    servedBy: "Served by",
    loading: "Loading…",
    refused: "This site cannot take ratings yet.",
    kept: "Saved on this device; it is sent when the connection is back.",
    again: "Rate again",
    rate: "Rate our service",
    close: "Close",
  },
} satisfies Record<Locale, Record<string, string>>;

/** The message keys. */
export type MessageKey = keyof (typeof MESSAGES)["id"];

/** The messages of a locale; anything but English falls back to Bahasa Indonesia. */
export const messages = (locale: string | null | undefined) => MESSAGES[locale?.startsWith("en") ? "en" : "id"];
