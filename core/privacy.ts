/**
 * Masks personal data in free-text comments before they are stored, as
 * UU 27/2022 (Pelindungan Data Pribadi) asks: citizens are anonymous, yet some
 * write their NIK, phone number or e-mail into a comment, in every shape a
 * phone keyboard allows: full-width digits, non-breaking spaces and hyphens,
 * brackets around an area code, slashes between groups.
 */

/** Every dash and minus sign that people (or keyboards) put between digits. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
/** Every kind of space, zero-width ones included. */
const SPACES = /[\s\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000\uFEFF]/g;

/**
 * NFKC turns full-width digits and `＠` into ASCII; then every dash is "-" and every
 * space " ", so one set of patterns sees what a person sees.
 */
export const normalizeText = (text: string): string => text.normalize("NFKC").replace(DASHES, "-").replace(SPACES, " ");

const EMAIL = /[\p{L}\p{N}._%+-]+ ?@ ?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** 16 digits, with up to two separators (space . - / _) between any two, as an NIK is often written. */
const NIK = /(?<![\d])\d(?:[ ./_-]{0,2}\d){15}(?!\d)/g;
/**
 * Indonesian phone numbers: +62, 62 or 0, an area or mobile code that starts with 2–9
 * (in brackets or not), then digits with up to three separators (space . - / _) between
 * them: `(061) 4567890`, `0812/3456/7890`, `+62 812-3456-7890`. The 2–9 keeps dates
 * (`01/02/2026`) and times (`08.30`) out.
 */
const PHONE = /(?<![\d+])(?:\((?:\+62 ?|0)[2-9]\d{1,3}\)|(?:\+62[ -]?|62|0)[2-9]\d{1,3})(?:[ ./_-]{0,3}\d)*(?!\d)/g;
/** A phone number has this many digits, its prefix included. */
const PHONE_DIGITS = { min: 9, max: 15 };

/** The text that stands where personal data was. */
export const MASKS = { nik: "[NIK]", phone: "[nomor telepon]", email: "[email]" } as const;

/** Replaces e-mails, NIK-like 16-digit numbers and phone numbers in a comment (normalising it first). */
export function maskComment(text: string): string {
  return normalizeText(text)
    .replace(EMAIL, MASKS.email)
    .replace(NIK, MASKS.nik)
    .replace(PHONE, (match) => {
      const digits = match.replace(/\D/g, "").length;
      return digits < PHONE_DIGITS.min || digits > PHONE_DIGITS.max ? match : MASKS.phone;
    });
}
