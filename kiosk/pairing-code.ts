/**
 * The pairing code as people type it: the dashboard shows it in two groups
 * ("5349 0005"), some write it with a dash, and a paste brings spaces along.
 * Only the 8 digits count; anything else is said in words, never left to the
 * browser's "Please match the requested format".
 */

/** The digits of a pairing code. */
export const PAIRING_CODE_DIGITS = 8;

/** What is wrong with a typed code, as kiosk/text.ts words it. */
export type PairingCodeProblem = "codeEmpty" | "codeLetters" | "codeShort" | "codeLong";

/** The code's 8 digits, or what is wrong with what was typed. */
export function readPairingCode(typed: string): { code: string } | { problem: PairingCodeProblem } {
  // Spaces (also non-breaking ones from a copied page) and dashes only group the digits.
  const digits = typed.replace(/[\s\u00a0\-\u2010-\u2015]/g, "");
  if (!digits) return { problem: "codeEmpty" };
  if (!/^\d+$/.test(digits)) return { problem: "codeLetters" };
  if (digits.length < PAIRING_CODE_DIGITS) return { problem: "codeShort" };
  if (digits.length > PAIRING_CODE_DIGITS) return { problem: "codeLong" };
  return { code: digits };
}
