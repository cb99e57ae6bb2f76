/**
 * The shapes of what people type into Suara: slugs, counter codes, PINs, clock times and e-mail
 * addresses. Plain regular expressions with no zod, so the dashboard checks a form with the very
 * rule the API's contract (core/contract.ts) validates it with, before sending it.
 */

/** A slug naming an agency or service in URLs and ratings: lower-case letters, digits and inner dashes, 1–64. */
export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** A counter's code, unique within its agency: like a slug, 1–32 characters. */
export const COUNTER_CODE = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

/** An officer's kiosk PIN: six digits. */
export const PIN = /^\d{6}$/;

/** A visit's id, made by its sender: letters, digits and . _ : / - (a queue system's own key, or a UUID). */
export const VISIT_ID = /^[A-Za-z0-9._:/-]{1,64}$/;

/** A time of day as HH:MM, 00:00–23:59. */
export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * An e-mail address: zod's own e-mail rule (`z.regexes.email`, what `z.email()` checks by default),
 * written here so a browser bundle can use it without zod; the contract passes it to `z.email()`.
 */
export const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** The longest slug the API takes (SLUG above). */
export const SLUG_MAX = 64;

/**
 * A slug made from a name, as a suggestion the person may change: "KTP Elektronik" → "ktp-elektronik".
 * A name longer than `max` is cut after its last whole word that fits, never inside a word
 * ("… Kota Tebing Tinggi" loses "tinggi", not "nggi"); only a first word longer than `max` is cut.
 */
export const slugify = (name: string, max = SLUG_MAX) => {
  const whole = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (whole.length <= max) return whole;
  // The dash just past the limit ends a word that still fits.
  const end = whole.lastIndexOf("-", max);
  return end > 0 ? whole.slice(0, end) : whole.slice(0, max);
};

/** The longest reply of an officer to a comment, as long as a comment may be (core/contract.ts MAX_COMMENT). */
export const MAX_REPLY = 1000;
/** The longest feedback to an officer: a few paragraphs, enough for a period's conversation in writing. */
export const MAX_FEEDBACK = 2000;
