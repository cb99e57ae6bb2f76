/**
 * What the API answers about citizens' reasons: how many low-face ratings gave each reason,
 * overall and by service, counter and officer, and the possible levies (core/levy.ts) to read.
 * Front ends import only the types.
 */
import * as z from "zod";
import { iso, Period, timezone } from "./responses.ts";

/** The counts of one slice of the period's counted ratings. */
const ReasonTally = z.object({
  ratings: z.number().int().meta({ description: "Counted ratings that gave at least one reason" }),
  counts: z.record(z.string(), z.number().int()).meta({
    description: "Per reason code of the questionnaire (REASONS), how many counted ratings gave it; every code present",
  }),
  unlisted: z
    .number()
    .int()
    .meta({ description: "Reasons given that are not in the questionnaire's list (sent by other clients)" }),
  levies: z
    .number()
    .int()
    .meta({ description: "Possible levies: the reason biaya, or a comment that speaks of money" }),
});
/** One possible levy, as an admin reads it. */
const Levy = z.object({
  id: z.string(),
  createdAt: iso,
  service: z.string(),
  counter: z.string().nullable().meta({ description: "The counter's name" }),
  officer: z.string().nullable().meta({ description: "The officer named on the rating" }),
  reasons: z.array(z.string()),
  comment: z.string().nullable(),
});
/** Reasons of a period, and its possible levies. */
export const ReasonsResponse = z
  .object({
    period: Period,
    timezone: timezone.meta({ description: "The agency's zone, in which a levy's time is read" }),
    total: ReasonTally,
    byService: z.array(ReasonTally.extend({ service: z.string(), name: z.string() })),
    byCounter: z.array(ReasonTally.extend({ counter: z.string(), name: z.string() })),
    byOfficer: z.array(
      ReasonTally.extend({ officer: z.string(), name: z.string() }).meta({
        description:
          "Ratings credited to the officer, as their n (a self-issued ticket's rating counts for the unit only)",
      }),
    ),
    levies: z
      .array(Levy)
      .meta({ description: "The possible levies, newest first (at most 200; total.levies has them all)" }),
  })
  .meta({ id: "Reasons" });
/** Reasons of a period, and its possible levies. */
export type Reasons = z.infer<typeof ReasonsResponse>;
/** How many ratings of a slice gave each reason. */
export type ReasonTally = z.infer<typeof ReasonTally>;
