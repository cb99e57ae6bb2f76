/**
 * Masks personal data in free-text comments before they are stored, as
 * UU 27/2022 (Pelindungan Data Pribadi) asks: citizens are anonymous, yet some
 * write their NIK, phone number or e-mail into a comment.
 */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** 16 digits, optionally grouped by spaces, dots or dashes, as an NIK is often written. */
const NIK = /(?<!\d)\d(?:[ .-]?\d){15}(?!\d)/g;
/** Indonesian phone numbers: +62, 62 or 0, then 8 to 13 more digits, optionally grouped. */
const PHONE = /(?<![\d+])(?:\+62|62|0)(?:[ .-]?\d){8,13}(?!\d)/g;

/** The text that stands where personal data was. */
export const MASKS = { nik: "[NIK]", phone: "[nomor telepon]", email: "[email]" } as const;

/** Replaces e-mails, NIK-like 16-digit numbers and phone numbers in a comment. */
export function maskComment(text: string): string {
  return text.replace(EMAIL, MASKS.email).replace(NIK, MASKS.nik).replace(PHONE, MASKS.phone);
}
