/** A grade with its words (A · Sangat Baik), coloured by grade. */

import type { Locale } from "../../core/questionnaire.ts";
import { BANDS } from "../../core/scoring.ts";

/** The grade badge of a mutu letter, or nothing without one. */
export function Band({ mutu, locale }: { mutu: string | null | undefined; locale: Locale }) {
  const band = BANDS.find((b) => b.mutu === mutu);
  if (!band) return null;
  return (
    <span class={`band band-${band.mutu}`}>
      {band.mutu} · {band.kinerja[locale]}
    </span>
  );
}
