/**
 * A follow-up plan's audit entry in words (docs/scoring.md, "Follow-up plan"): the period and element
 * it is about, then what the row held (written, deleted) or what changed, old → new, with statuses
 * and times in the reader's words, never their codes.
 */
import type { FollowUpStatus } from "../../../core/follow-up-plan.ts";
import { ELEMENTS, type Locale } from "../../../core/questionnaire.ts";
import { sayFollowUps, statusWords } from "../../follow-ups-words.ts";
import { periodWords } from "../../format.ts";

/** The row's fields, in the order a reader takes them in, with their labels. */
const FIELDS = ["action", "due", "responsible", "status", "note"] as const;
type Field = (typeof FIELDS)[number];

/** A field's value in words: a time as a month or quarter, a status by its name, an empty note as "empty". */
function valueWords(field: Field, value: unknown, locale: Locale): string {
  if (typeof value !== "string" || value === "") return sayFollowUps(locale, "auditEmpty");
  if (field === "due") return periodWords(value, locale);
  if (field === "status") return statusWords(locale, value as FollowUpStatus);
  return value;
}

/** The details of a `follow_up.create`, `.update` or `.delete` entry. */
export function followUpAudit(d: Record<string, unknown>, locale: Locale): string {
  const element = ELEMENTS.find((e) => e.id === d.element)?.name[locale];
  const head = [periodWords(String(d.period ?? ""), locale), element];
  const label = (field: Field) => sayFollowUps(locale, field).toLowerCase();
  if (d.from && d.to && typeof d.from === "object" && typeof d.to === "object") {
    const [from, to] = [d.from as Record<string, unknown>, d.to as Record<string, unknown>];
    const changes = FIELDS.filter((field) => field in to).map((field) =>
      sayFollowUps(locale, "auditChange", {
        field: label(field),
        from: valueWords(field, from[field], locale),
        to: valueWords(field, to[field], locale),
      }),
    );
    return [...head, ...changes].filter(Boolean).join(" · ");
  }
  const held = FIELDS.filter((field) => typeof d[field] === "string" && d[field] !== "").map(
    (field) => `${label(field)}: ${valueWords(field, d[field], locale)}`,
  );
  return [...head, ...held].filter(Boolean).join(" · ");
}
