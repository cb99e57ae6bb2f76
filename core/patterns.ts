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

/** A time of day as HH:MM, 00:00–23:59. */
export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * An e-mail address: zod's own e-mail rule (`z.regexes.email`, what `z.email()` checks by default),
 * written here so a browser bundle can use it without zod; the contract passes it to `z.email()`.
 */
export const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** A slug made from a name, as a suggestion the person may change: "KTP Elektronik" → "ktp-elektronik". */
export const slugify = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
