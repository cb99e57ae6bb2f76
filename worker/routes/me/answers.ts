/**
 * An officer answers (issue 20, item 4): replies once to a comment about them, reads the
 * feedback their supervisors and admins gave them, and acknowledges each once.
 * The other side is routes/agencies/feedback.ts.
 */
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import * as z from "zod";
import { PeriodQuery } from "../../../core/contract.ts";
import { FeedbackListResponse, FeedbackResponse, RepliedResponse, ReplyInput } from "../../../core/reply-contract.ts";
import { acknowledgeFeedback, feedbackForOfficer } from "../../../db/queries/feedback.ts";
import { officerWithAgency } from "../../../db/queries/officers.ts";
import { replyToComment } from "../../../db/queries/replies.ts";
import { requirePermission } from "../../access.ts";
import type { AppEnv } from "../../env.ts";
import { ApiError, forbidden, notFound } from "../../errors.ts";
import { conflictResponse, jsonBody, okJson, router, SECURITY } from "../../openapi.ts";
import { periodFromQuery } from "../../period.ts";

const tags = ["me"];
const WHO = "(users linked to an officer; their own only: another's is 404)";

/** The caller's officer id and the user; a 403 for accounts not linked to an officer. */
function ownOfficerId(c: Context<AppEnv>) {
  const user = requirePermission(c, "ownScore");
  if (!user.officerId) throw forbidden("This account is not linked to an officer.");
  return { user, officerId: user.officerId };
}

/** POST /me/comments/{id}/reply. */
export const myCommentsRoutes = router().openapi(
  createRoute({
    method: "post",
    path: "/{id}/reply",
    summary: `Reply once to a comment about the signed-in officer; masked like comments; audited ${WHO}`,
    tags,
    security: SECURITY.session,
    request: { params: z.object({ id: z.uuid() }), body: jsonBody(ReplyInput) },
    responses: { ...okJson(RepliedResponse, "The reply"), ...conflictResponse("already_replied") },
  }),
  async (c) => {
    const { user, officerId } = ownOfficerId(c);
    const { id } = c.req.valid("param");
    const outcome = await replyToComment(c.get("db"), officerId, id, c.req.valid("json").text, user.id);
    if (!outcome.ok && outcome.code === "not_found") throw notFound("Comment");
    if (!outcome.ok) throw new ApiError(409, "already_replied", "This comment has a reply already.");
    const { reply } = outcome;
    return c.json({ ratingId: id, reply: { ...reply, createdAt: new Date(reply.createdAt).toISOString() } }, 200);
  },
);

/** GET /me/feedback and POST /me/feedback/{id}/acknowledge. */
export const myFeedbackRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary:
        "Feedback given to the signed-in officer, newest first: of the periods overlapping `period`/`from`–`to`, " +
        "or all without them (users linked to an officer)",
      tags,
      security: SECURITY.session,
      request: { query: PeriodQuery },
      responses: okJson(FeedbackListResponse, "The feedback and whether each was acknowledged"),
    }),
    async (c) => {
      const { officerId } = ownOfficerId(c);
      const row = await officerWithAgency(c.get("db"), officerId);
      if (!row) throw forbidden("This account is not linked to an officer.");
      const query = c.req.valid("query");
      const period = query.period || query.from || query.to ? periodFromQuery(query, row.agency.timezone) : undefined;
      const feedback = await feedbackForOfficer(c.get("db"), officerId, period);
      return c.json({ officer: { id: row.officer.id, name: row.officer.name }, feedback }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/{id}/acknowledge",
      summary: `Acknowledge reading one feedback, once, with when; audited ${WHO}`,
      tags,
      security: SECURITY.session,
      request: { params: z.object({ id: z.string().min(1).max(64) }) },
      responses: {
        ...okJson(FeedbackResponse, "The feedback, acknowledged"),
        ...conflictResponse("already_acknowledged"),
      },
    }),
    async (c) => {
      const { user, officerId } = ownOfficerId(c);
      const outcome = await acknowledgeFeedback(c.get("db"), officerId, c.req.valid("param").id, user.id);
      if (!outcome.ok && outcome.code === "not_found") throw notFound("Feedback");
      if (!outcome.ok) throw new ApiError(409, "already_acknowledged", "This feedback was acknowledged already.");
      return c.json({ feedback: outcome.feedback }, 200);
    },
  );
