/**
 * The words of sign-in refusals and of choosing one's own password, Bahasa Indonesia first and
 * English second. The API's codes (sign_in_locked, password_is_nip, …) are worded here and never
 * shown themselves. Apart from text.ts, which is full.
 */
import type { Locale } from "../core/questionnaire.ts";
import { createWords } from "../core/words.ts";
import { ApiFailure } from "./api.ts";

const id = {
  sign_in_locked: "Terlalu banyak percobaan masuk yang gagal ke akun ini. Demi keamanan, coba lagi dalam {wait}.",
  sign_in_address_limited: "Terlalu banyak percobaan masuk dari jaringan ini. Coba lagi dalam {wait}.",
  sign_in_device_locked: "Kata sandi yang salah terlalu sering dimasukkan di peramban ini. Coba lagi dalam {wait}.",
  rate_limited: "Terlalu banyak permintaan dari alamat ini. Coba lagi dalam {wait}.",
  account_deactivated: "Akun petugas ini dinonaktifkan. Minta admin instansi untuk mengaktifkannya kembali.",
  minutes: "{n} menit",
  minute: "1 menit",
  changePassword: "Ganti kata sandi",
  passwordTitle: "Ganti kata sandi",
  passwordAbout: "Setelah diganti, sesi Anda di perangkat lain berakhir; sesi ini tetap berjalan.",
  forcedTitle: "Pilih kata sandi Anda sendiri",
  forcedAbout:
    "Kata sandi Anda dibuat oleh admin, jadi admin pernah melihatnya. Pilih kata sandi Anda sendiri sebelum melanjutkan.",
  currentPassword: "Kata sandi sekarang",
  forcedCurrent: "Kata sandi dari admin",
  newPassword: "Kata sandi baru",
  newPasswordHint: "Minimal 10 karakter; bukan NIP atau e-mail Anda.",
  repeatPassword: "Ulangi kata sandi baru",
  savePassword: "Simpan kata sandi",
  saving: "Menyimpan…",
  passwordChanged: "Kata sandi sudah diganti. Sesi Anda di perangkat lain telah diakhiri.",
  required: "Wajib diisi.",
  mismatch: "Kedua kata sandi baru tidak sama.",
  wrong_password: "Kata sandi sekarang salah.",
  password_too_short: "Kata sandi baru minimal 10 karakter.",
  password_is_nip: "Kata sandi baru tidak boleh sama dengan NIP Anda.",
  password_is_email: "Kata sandi baru tidak boleh sama dengan e-mail Anda.",
  password_unchanged: "Kata sandi baru harus berbeda dari yang sekarang.",
  temporary: "kata sandi sementara",
} as const;

/** A key of these words. */
export type AccountKey = keyof typeof id;

const en = {
  sign_in_locked: "Too many failed sign-ins to this account. For its safety, try again in {wait}.",
  sign_in_address_limited: "Too many sign-in attempts from this network. Try again in {wait}.",
  sign_in_device_locked: "Wrong passwords were entered in this browser too often. Try again in {wait}.",
  rate_limited: "Too many requests from this address. Try again in {wait}.",
  account_deactivated: "This officer's account is deactivated. Ask the agency's admin to reactivate it.",
  minutes: "{n} minutes",
  minute: "1 minute",
  changePassword: "Change password",
  passwordTitle: "Change password",
  passwordAbout: "Once changed, your sessions on other devices end; this one stays.",
  forcedTitle: "Choose your own password",
  forcedAbout: "Your password was made by an admin, who has seen it. Choose your own before you go on.",
  currentPassword: "Current password",
  forcedCurrent: "Password from the admin",
  newPassword: "New password",
  newPasswordHint: "At least 10 characters; not your NIP or e-mail.",
  repeatPassword: "Repeat the new password",
  savePassword: "Save password",
  saving: "Saving…",
  passwordChanged: "Your password has been changed. Your sessions on other devices have ended.",
  required: "Required.",
  mismatch: "The two new passwords differ.",
  wrong_password: "The current password is wrong.",
  password_too_short: "The new password needs at least 10 characters.",
  password_is_nip: "The new password may not be your NIP.",
  password_is_email: "The new password may not be your e-mail address.",
  password_unchanged: "The new password must differ from the current one.",
  temporary: "temporary password",
};

/** A message of these words in a locale, with `{name}` placeholders filled. */
export const sayAccount = createWords({ id, en });

/** How long to wait, in whole minutes (never "0 minutes"). */
export function waitWords(locale: Locale, seconds: number): string {
  const n = Math.max(1, Math.ceil(seconds / 60));
  return n === 1 ? sayAccount(locale, "minute") : sayAccount(locale, "minutes", { n });
}

const REFUSALS = ["sign_in_locked", "sign_in_address_limited", "sign_in_device_locked", "rate_limited"] as const;

/**
 * A refused sign-in (or password check) in words: why and for how long, for the 429 codes and a
 * deactivated account; undefined for anything else.
 */
export function refusalWords(locale: Locale, error: unknown): string | undefined {
  if (!(error instanceof ApiFailure)) return undefined;
  if (error.code === "account_deactivated") return sayAccount(locale, "account_deactivated");
  if (error.status !== 429) return undefined;
  const code = (REFUSALS as readonly string[]).includes(error.code) ? (error.code as AccountKey) : "rate_limited";
  return sayAccount(locale, code, { wait: waitWords(locale, error.retryAfter ?? 60) });
}
