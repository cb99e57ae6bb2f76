/**
 * How long the citizen behind a comment waited and was served, from the queue visit their rating
 * joined (docs/scoring.md, "Volume and speed"), appended to a comment's line: nothing without one.
 */
import type { Locale } from "../../core/questionnaire.ts";
import { sayVisit } from "../visit-words.ts";

/** A rated visit's times in minutes, as the comments APIs give them. */
export interface VisitMinutes {
  waitMinutes: number | null;
  serviceMinutes: number | null;
}

/** " · menunggu 25 menit · dilayani 8 menit", or "" when the rating joined no visit. */
export function visitTimes(visit: VisitMinutes | null | undefined, locale: Locale): string {
  if (!visit) return "";
  const parts = [
    visit.waitMinutes === null ? null : sayVisit(locale, "visitWaited", { n: visit.waitMinutes }),
    visit.serviceMinutes === null ? null : sayVisit(locale, "visitServed", { n: visit.serviceMinutes }),
  ];
  return parts
    .filter(Boolean)
    .map((p) => ` · ${p}`)
    .join("");
}
