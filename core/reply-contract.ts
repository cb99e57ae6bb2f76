/**
 * The API contract of officers' answers (issue 20, item 4): an officer's reply to a comment about
 * them, and a supervisor's or admin's feedback to an officer for a period (umpan balik
 * berkelanjutan, PermenPANRB 6/2022) with the officer's acknowledgment. Front ends import only the types.
 */
import * as z from "zod";
import { MAX_FEEDBACK, MAX_REPLY } from "./patterns.ts";
import { parsePeriod } from "./period.ts";
import { iso } from "./responses.ts";

/** An officer replies to a comment about them: once, not edited afterwards (its readers saw it). */
export const ReplyInput = z.strictObject({ text: z.string().trim().min(1, "write the reply").max(MAX_REPLY) });

/** Feedback to an officer for a named period: a month, quarter, semester or year (core/period.ts). */
export const FeedbackInput = z.strictObject({
  period: z
    .string()
    .max(7)
    .refine((p) => parsePeriod(p) !== null, "a period such as 2026-S2, 2026-Q4, 2026-11 or 2026"),
  text: z.string().trim().min(1, "write the feedback").max(MAX_FEEDBACK),
});

/** A reply as the officer, their supervisors and admins read it (masked at storage). */
export const CommentReply = z.object({ id: z.string(), text: z.string(), createdAt: iso }).meta({ id: "CommentReply" });

/** The answer to a reply: the reply and the rating it answers. */
export const RepliedResponse = z.object({ ratingId: z.string(), reply: CommentReply }).meta({ id: "Replied" });

/** One feedback: for which period, what, by whom, and whether and when its officer acknowledged it. */
export const Feedback = z
  .object({
    id: z.string(),
    period: z.string().meta({ description: "The named period it is about" }),
    text: z.string(),
    by: z.string().nullable().meta({ description: "The name of who gave it (null once their account is gone)" }),
    createdAt: iso,
    acknowledgedAt: iso.nullable().meta({ description: "When the officer acknowledged reading it; null until then" }),
  })
  .meta({ id: "Feedback" });

/** An officer's feedback, newest first: of the periods that overlap the one asked for, or all of it. */
export const FeedbackListResponse = z
  .object({
    officer: z.object({ id: z.string(), name: z.string() }),
    feedback: z.array(Feedback),
  })
  .meta({ id: "FeedbackList" });

/** The answer to a new feedback or an acknowledgment. */
export const FeedbackResponse = z.object({ feedback: Feedback }).meta({ id: "FeedbackItem" });

/** A reply to a comment. */
export type CommentReply = z.infer<typeof CommentReply>;
/** The answer to a reply. */
export type Replied = z.infer<typeof RepliedResponse>;
/** One feedback. */
export type Feedback = z.infer<typeof Feedback>;
/** An officer's feedback. */
export type FeedbackList = z.infer<typeof FeedbackListResponse>;
/** The answer to a new feedback or an acknowledgment. */
export type FeedbackAnswer = z.infer<typeof FeedbackResponse>;
