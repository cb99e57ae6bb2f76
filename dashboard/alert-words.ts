/**
 * The words of alerts (docs/design.md, "Alerts"): the header's bell, the notifications page, the
 * alert settings page and the delivery log, Bahasa Indonesia first and English second. Apart from
 * text.ts, which is full (and loads before sign-in; these load with the signed-in pages).
 */
import type { AlertSubject } from "../core/alert-contract.ts";
import type { AlertRule } from "../core/alerts.ts";
import type { Locale } from "../core/questionnaire.ts";
import { createWords } from "../core/words.ts";

const id = {
  bell: "Notifikasi",
  bellUnread: "Notifikasi, {n} belum dibaca",
  notificationsTitle: "Notifikasi",
  notificationsAbout:
    "Peringatan untuk admin dan supervisor instansi: kemungkinan pungli, wajah rendah beruntun di satu loket, dan nilai minggu ini yang turun satu mutu. Petugas tidak pernah diberi tahu tentang penilaiannya sendiri di sini.",
  notificationsEmpty: "Belum ada notifikasi.",
  unreadN: "{n} belum dibaca",
  allRead: "Semua sudah dibaca.",
  markRead: "Tandai dibaca",
  markReadOf: "Tandai dibaca: {what}",
  markAllRead: "Tandai semua dibaca",
  unread: "Belum dibaca",
  read: "Dibaca",
  levyReason: 'Kemungkinan pungli: warga memilih alasan "Diminta biaya"',
  levyMoney: "Kemungkinan pungli: komentar warga menyebut uang",
  lowFaces: "{count} wajah rendah dalam {minutes} menit",
  bandDropUnit: "Indeks cepat unit minggu ini turun dari mutu {from} ke {to}",
  bandDropOfficer: "Skor adil {name} minggu ini turun dari mutu {from} ke {to}",
  atCounter: "di {counter}",
  servedBy: "petugas: {name}",
  weekOf: "minggu mulai {day}",
  readComments: "Baca komentar kemungkinan pungli",
  openOfficer: "Buka nilai {name}",
  openReport: "Buka ringkasan",
  alertsTitle: "Peringatan",
  alertsAbout:
    "Aturan yang memberi tahu admin dan supervisor instansi di dasbor, dan webhook yang meneruskannya ke sistem obrolan atau e-mail instansi. Setiap kejadian diberitahukan satu kali.",
  rulesTitle: "Aturan",
  rule_levy: 'Kemungkinan pungli: alasan "Diminta biaya" atau komentar yang menyebut uang, segera',
  rule_low_faces: "Wajah rendah (1 atau 2) beruntun di satu loket",
  rule_band_drop: "Nilai minggu ini turun satu mutu dibanding minggu lalu (skor adil petugas, indeks cepat unit)",
  event_levy: "Kemungkinan pungli",
  event_low_faces: "Wajah rendah beruntun",
  event_band_drop: "Nilai minggu ini turun satu mutu",
  ruleOn: "Aktif",
  lowCount: "Jumlah wajah rendah (N, {min}–{max})",
  lowMinutes: "Dalam berapa menit (M, {min}–{max})",
  defaultRule: "bawaan",
  saveRules: "Simpan aturan",
  rulesSaved: "Aturan disimpan.",
  outOfBounds: "Isi angka bulat dari {min} sampai {max}.",
  webhookTitle: "Webhook",
  webhookAbout:
    'Setiap peringatan dikirim sebagai JSON ke alamat ini, ditandatangani di header X-Suara-Signature dengan rahasia bersama. Isinya tanpa komentar dan tanpa nama petugas. Cara menerimanya: docs/operations.md, bagian "Alerts and the webhook".',
  webhookUrl: "Alamat (URL) penerima",
  webhookUrlHint: "https://… milik instansi, mis. relai obrolan atau e-mail.",
  webhookSecret: "Rahasia bersama",
  webhookSecretHint: "Minimal 16 karakter. Tidak pernah ditampilkan lagi; isi lagi untuk menggantinya.",
  webhookSecretSet: "Rahasia sudah diatur (tidak ditampilkan).",
  webhookNone: "Belum ada webhook.",
  saveWebhook: "Simpan webhook",
  webhookSaved: "Webhook disimpan.",
  removeWebhook: "Hapus webhook",
  removeWebhookConfirm: "Hapus webhook? Pengiriman yang belum berhasil tidak dicoba lagi.",
  webhookRemoved: "Webhook dihapus.",
  badUrl: "Isi alamat http:// atau https:// tanpa nama pengguna atau kata sandi.",
  shortSecret: "Rahasia minimal 16 karakter.",
  logTitle: "Log pengiriman",
  logEmpty: "Belum ada pengiriman.",
  logEvent: "Peringatan",
  logMade: "Dibuat",
  logStatus: "Status",
  logTries: "Percobaan",
  status_pending: "menunggu percobaan berikutnya",
  status_delivered: "terkirim",
  status_failed: "gagal, tidak dicoba lagi",
  tryAnswered: "{at}: dijawab {code}",
  tryFailed: "{at}: gagal ({error})",
  error_timeout: "tidak menjawab dalam 10 detik",
  error_unreachable: "tidak dapat dihubungi",
  tryNext: "berikutnya {at}",
  noTries: "belum dicoba",
} as const;

type AlertKey = keyof typeof id;

const en: Record<AlertKey, string> = {
  bell: "Notifications",
  bellUnread: "Notifications, {n} unread",
  notificationsTitle: "Notifications",
  notificationsAbout:
    "Alerts for the agency's admins and supervisors: possible levies, low faces in a row at one counter, and this week's figures falling a band. Officers are never told here about their own ratings.",
  notificationsEmpty: "No notifications yet.",
  unreadN: "{n} unread",
  allRead: "All read.",
  markRead: "Mark read",
  markReadOf: "Mark read: {what}",
  markAllRead: "Mark all read",
  unread: "Unread",
  read: "Read",
  levyReason: 'Possible levy: the citizen chose the reason "I was asked to pay"',
  levyMoney: "Possible levy: the citizen's comment speaks of money",
  lowFaces: "{count} low faces within {minutes} minutes",
  bandDropUnit: "The unit's quick index this week fell from band {from} to {to}",
  bandDropOfficer: "{name}'s fair score this week fell from band {from} to {to}",
  atCounter: "at {counter}",
  servedBy: "officer: {name}",
  weekOf: "week from {day}",
  readComments: "Read the possible levies' comments",
  openOfficer: "Open {name}'s score",
  openReport: "Open the overview",
  alertsTitle: "Alerts",
  alertsAbout:
    "The rules that tell the agency's admins and supervisors in the dashboard, and the webhook that passes alerts on to the agency's chat or e-mail. Each event is told once.",
  rulesTitle: "Rules",
  rule_levy: 'Possible levy: the reason "I was asked to pay" or a comment speaking of money, at once',
  rule_low_faces: "Low faces (1 or 2) in a row at one counter",
  rule_band_drop: "This week's figure a band below last week's (officers' fair scores, the unit's quick index)",
  event_levy: "Possible levy",
  event_low_faces: "Low faces in a row",
  event_band_drop: "This week's figure a band lower",
  ruleOn: "On",
  lowCount: "Low faces (N, {min}–{max})",
  lowMinutes: "Within minutes (M, {min}–{max})",
  defaultRule: "default",
  saveRules: "Save rules",
  rulesSaved: "Rules saved.",
  outOfBounds: "Enter a whole number from {min} to {max}.",
  webhookTitle: "Webhook",
  webhookAbout:
    'Every alert is posted as JSON to this address, signed in the X-Suara-Signature header with a shared secret. It carries no comment and no officer\'s name. How to receive it: docs/operations.md, "Alerts and the webhook".',
  webhookUrl: "Receiver's address (URL)",
  webhookUrlHint: "The agency's own https://…, e.g. a chat or e-mail relay.",
  webhookSecret: "Shared secret",
  webhookSecretHint: "At least 16 characters. Never shown again; enter it again to change it.",
  webhookSecretSet: "A secret is set (not shown).",
  webhookNone: "No webhook yet.",
  saveWebhook: "Save webhook",
  webhookSaved: "Webhook saved.",
  removeWebhook: "Remove webhook",
  removeWebhookConfirm: "Remove the webhook? Deliveries not yet made are not tried again.",
  webhookRemoved: "Webhook removed.",
  badUrl: "Enter an http:// or https:// address without a user name or password.",
  shortSecret: "The secret needs at least 16 characters.",
  logTitle: "Delivery log",
  logEmpty: "Nothing delivered yet.",
  logEvent: "Alert",
  logMade: "Made",
  logStatus: "Status",
  logTries: "Tries",
  status_pending: "waiting for the next try",
  status_delivered: "delivered",
  status_failed: "failed, not tried again",
  tryAnswered: "{at}: answered {code}",
  tryFailed: "{at}: failed ({error})",
  error_timeout: "no answer within 10 seconds",
  error_unreachable: "could not be reached",
  tryNext: "next {at}",
  noTries: "not tried yet",
};

/** An alert word in the reader's language. */
export const sayAlert = createWords<AlertKey>({ id, en });

/** A rule's name in words. */
export const ruleWords = (locale: Locale, rule: AlertRule) => sayAlert(locale, `rule_${rule}`);

/** What an event is about, in one line of words: never a code. */
export function subjectWords(locale: Locale, subject: AlertSubject): string {
  const parts: string[] = [];
  if (subject.rule === "levy") {
    parts.push(sayAlert(locale, subject.reason ? "levyReason" : "levyMoney"));
    if (subject.counter) parts.push(sayAlert(locale, "atCounter", { counter: subject.counter.name }));
    if (subject.officer) parts.push(sayAlert(locale, "servedBy", { name: subject.officer.name }));
  } else if (subject.rule === "low_faces") {
    parts.push(sayAlert(locale, "lowFaces", { count: subject.count, minutes: subject.minutes }));
    parts.push(sayAlert(locale, "atCounter", { counter: subject.counter.name }));
  } else {
    const { from, to } = subject;
    parts.push(
      subject.officer
        ? sayAlert(locale, "bandDropOfficer", { name: subject.officer.name, from, to })
        : sayAlert(locale, "bandDropUnit", { from, to }),
    );
  }
  return parts.join(" · ");
}
