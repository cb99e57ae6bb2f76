/**
 * The one-tap faces, 1 (worst) to 4 (best), in a module of their own so the
 * embed's first paint carries them without the whole questionnaire.
 */
import type { Localized } from "./questionnaire.ts";

/** The faces' labels, 1 (worst) to 4 (best). */
export const FACES: readonly Localized[] = [
  { id: "Tidak puas", en: "Dissatisfied" },
  { id: "Kurang puas", en: "Somewhat dissatisfied" },
  { id: "Puas", en: "Satisfied" },
  { id: "Sangat puas", en: "Very satisfied" },
];
