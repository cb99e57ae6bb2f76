/**
 * The API contract of contests (keberatan): what an officer sends to contest a
 * rating, what a supervisor or admin sends to decide one, and what the API
 * answers. Front ends import only the types.
 */
import * as z from "zod";
import { CHANNELS } from "./channels.ts";
import { CONTEST_DECISIONS, CONTEST_REASONS, MAX_CONTEST_NOTE } from "./contest-reasons.ts";
import { FLAGS } from "./flags.ts";
import { iso } from "./responses.ts";

/** An officer contests a rating; "other" needs a note saying what. */
export const ContestInput = z
  .strictObject({
    reason: z.enum(CONTEST_REASONS),
    note: z.string().trim().max(MAX_CONTEST_NOTE).default(""),
  })
  .refine((input) => input.reason !== "other" || input.note !== "", {
    path: ["note"],
    message: 'a note is required when the reason is "other"',
  });

/** A supervisor or admin decides a contest: keep the rating or exclude it, always saying why. */
export const DecideInput = z.strictObject({
  decision: z.enum(["keep", "exclude"]),
  note: z.string().trim().min(1, "say why").max(MAX_CONTEST_NOTE),
});

/** Which contests to list: waiting for a decision, or decided (newest first); a page of 50. */
export const ContestsQuery = z.strictObject({
  status: z.enum(["open", "decided"]).default("open"),
  page: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, "a page number from 1")
    .optional(),
});

/** A contest as its officer and its deciders see it. */
export const ContestState = z
  .object({
    id: z.string(),
    reason: z.enum(CONTEST_REASONS),
    note: z.string(),
    createdAt: iso,
    decision: z.enum(CONTEST_DECISIONS).nullable().meta({ description: "Null while it waits for a decision" }),
    decisionNote: z.string().nullable(),
    decidedAt: iso.nullable(),
  })
  .meta({ id: "ContestState" });

/** The answer to a contest or a decision: the contest and its rating's flags as they are now. */
export const ContestedResponse = z
  .object({
    contest: ContestState,
    rating: z.object({
      id: z.string(),
      flags: z.array(z.enum(FLAGS)),
      counted: z.boolean().meta({ description: "Whether it counts in the scores" }),
    }),
  })
  .meta({ id: "Contested" });

/** A contest with the rating it is about, as supervisors and admins list them. */
export const AgencyContest = ContestState.extend({
  officer: z.object({ id: z.string(), name: z.string() }),
  decidedBy: z.string().nullable().meta({ description: "The decider's name" }),
  rating: z.object({
    id: z.string(),
    createdAt: iso,
    channel: z.enum(CHANNELS),
    overall: z.number().int().nullable(),
    comment: z.string().nullable(),
    service: z.string(),
    counter: z.string().nullable(),
    counted: z.boolean(),
  }),
});

/** An agency's contests: open ones oldest first, decided ones newest first, 50 a page. */
export const ContestsResponse = z
  .object({
    status: z.enum(["open", "decided"]),
    open: z.number().int().meta({ description: "How many of the agency's contests wait for a decision" }),
    page: z.number().int(),
    more: z.boolean().meta({ description: "Whether a next page exists" }),
    contests: z.array(AgencyContest),
  })
  .meta({ id: "Contests" });

/** A contest as its officer sees it. */
export type ContestState = z.infer<typeof ContestState>;
/** The answer to a contest or a decision. */
export type Contested = z.infer<typeof ContestedResponse>;
/** One contest in an agency's list. */
export type AgencyContest = z.infer<typeof AgencyContest>;
/** An agency's contests. */
export type Contests = z.infer<typeof ContestsResponse>;
