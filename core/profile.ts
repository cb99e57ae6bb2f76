/**
 * The respondent profile's questions as the kiosk and the embed both ask them,
 * and the one rule for the age: its bounds are the contract's (core/contract.ts
 * Respondent takes them from here), so a value a screen accepts is one the API
 * stores, and one it refuses is refused in words, never dropped silently.
 */
import type { Localized } from "./questionnaire.ts";

/** The ages the profile takes, in whole years. */
export const AGE_RANGE = { min: 10, max: 120 } as const;

/** The profile's questions, in the order every screen asks them (choices in PROFILE, core/questionnaire.ts). */
export const PROFILE_FIELDS = ["gender", "age", "education", "occupation"] as const;

/**
 * An age as typed: `age` undefined when nothing is typed (the question is
 * optional), or why it cannot be taken, in both languages.
 */
export function readAge(typed: string): { age: number | undefined } | { problem: Localized } {
  const trimmed = typed.trim();
  if (!trimmed) return { age: undefined };
  if (!/^\d{1,3}$/.test(trimmed)) {
    return {
      problem: {
        id: "Tulis usia dengan angka saja, dalam tahun (misalnya 35).",
        en: "Write the age in digits only, in years (for example 35).",
      },
    };
  }
  const age = Number(trimmed);
  if (age < AGE_RANGE.min || age > AGE_RANGE.max) {
    const { min, max } = AGE_RANGE;
    return {
      problem: {
        id: `Usia harus antara ${min} dan ${max} tahun. Periksa lagi, atau kosongkan.`,
        en: `The age must be between ${min} and ${max} years. Check it, or leave it empty.`,
      },
    };
  }
  return { age };
}
