/**
 * The API contract of the follow-up plan (RTL, docs/scoring.md "Follow-up plan"): what an agency
 * admin sends to write or change a row, and what readers get for a named period. Front ends import
 * only the types.
 */
import * as z from "zod";
import { FOLLOW_UP_LIMITS, FOLLOW_UP_STATES, isDue } from "./follow-up-plan.ts";
import { parsePeriod } from "./period.ts";
import { ELEMENT_IDS } from "./questionnaire.ts";
import { iso, mutu } from "./responses.ts";

/** A named SKM period (`2026-11`, `2026-Q4`, `2026-S2`, `2026`): a plan answers one, never a from/to range. */
const namedPeriod = z
  .string()
  .max(7)
  .refine((text) => parsePeriod(text) !== null, "a named period: 2026-11, 2026-Q4, 2026-S2 or 2026")
  .meta({ example: "2026-S2" });
const due = z
  .string()
  .max(7)
  .refine(isDue, "a month (2027-01) or a quarter (2027-Q1)")
  .meta({ description: "Waktu: a month or a quarter", example: "2027-Q1" });
const bounded = (max: number) => z.string().trim().min(1, "write something").max(max);
const note = z.string().trim().max(FOLLOW_UP_LIMITS.note);

/** Which period's plan to read. */
export const FollowUpsQuery = z.strictObject({ period: namedPeriod });

/** A new row of the plan: an element of the nine, what will be done, when, by whom; planned unless said. */
export const FollowUpInput = z.strictObject({
  period: namedPeriod,
  element: z.enum(ELEMENT_IDS),
  action: bounded(FOLLOW_UP_LIMITS.action).meta({ description: "Program / kegiatan" }),
  due,
  responsible: bounded(FOLLOW_UP_LIMITS.responsible).meta({ description: "Penanggung jawab" }),
  status: z.enum(FOLLOW_UP_STATES).default("planned"),
  note: note.optional(),
});

/** A change to a row: any of its fields but its period and element (a row on the wrong one is deleted and rewritten). */
export const FollowUpChange = z
  .strictObject({
    action: bounded(FOLLOW_UP_LIMITS.action).optional(),
    due: due.optional(),
    responsible: bounded(FOLLOW_UP_LIMITS.responsible).optional(),
    status: z.enum(FOLLOW_UP_STATES).optional(),
    note: note.optional().meta({ description: "What was done, or why not; empty removes it" }),
  })
  .refine((change) => Object.keys(change).length > 0, "change at least one field");

/** One row of a plan. */
export const FollowUpRow = z
  .object({
    id: z.string(),
    period: z.string(),
    element: z.enum(ELEMENT_IDS),
    action: z.string(),
    due: z.string(),
    responsible: z.string(),
    status: z.enum(FOLLOW_UP_STATES),
    note: z.string().nullable(),
    createdAt: iso,
    updatedAt: iso.nullable(),
  })
  .meta({ id: "FollowUp" });

/** An element a report proposes (core/follow-up-plan.ts, priorityElements). */
const Proposed = z.object({
  element: z.enum(ELEMENT_IDS),
  nrr: z.number(),
  score: z.number(),
  mutu,
  lowest: z.boolean().meta({ description: "Among the three lowest NRR (ties with the third included)" }),
  belowC: z.boolean().meta({ description: "Below band C" }),
  planned: z.boolean().meta({ description: "Whether the plan has a row for it" }),
});

/** A named period's plan: the proposed priority elements, its rows, and the previous period's rows with how far they got. */
export const FollowUpsResponse = z
  .object({
    period: z.string(),
    proposed: z.array(Proposed).meta({ description: "The priority elements, lowest NRR first" }),
    followUps: z.array(FollowUpRow).meta({ description: "The plan's rows, oldest first" }),
    previous: z
      .object({ period: z.string(), followUps: z.array(FollowUpRow) })
      .meta({ description: "The previous named period of the same kind and its plan (2026-S2 looks back on 2026-S1)" }),
  })
  .meta({ id: "FollowUps" });

/** The answer to a write: the row as it is now. */
export const FollowUpResponse = z.object({ followUp: FollowUpRow }).meta({ id: "FollowUpWritten" });

/** A row of a plan. */
export type FollowUpRow = z.infer<typeof FollowUpRow>;
/** A named period's plan. */
export type FollowUps = z.infer<typeof FollowUpsResponse>;
