/**
 * Feedback to an officer for a period (umpan balik berkelanjutan, PermenPANRB 6/2022): the
 * agency's supervisors and admins write it and see whether it was acknowledged; its regional
 * admin reads it. Nobody writes feedback to themself. The officer's side is routes/me/answers.ts.
 */
import { createRoute } from "@hono/zod-openapi";
import { PeriodQuery } from "../../../core/contract.ts";
import { FeedbackInput, FeedbackListResponse, FeedbackResponse } from "../../../core/reply-contract.ts";
import { feedbackForOfficer, giveFeedback } from "../../../db/queries/feedback.ts";
import { officerOfAgency } from "../../../db/queries/officers.ts";
import { agencyFor } from "../../access.ts";
import { forbidden, notFound } from "../../errors.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";
import { periodFromQuery } from "../../period.ts";
import { itemParams, WHO_READS } from "./params.ts";

const tags = ["feedback"];

/** GET and POST /agencies/{slug}/officers/{id}/feedback. */
export const feedbackRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary:
        "An officer's feedback, newest first, with whether each was acknowledged: of the periods overlapping " +
        `\`period\`/\`from\`–\`to\`, or all without them ${WHO_READS}`,
      tags,
      security: SECURITY.session,
      request: { params: itemParams, query: PeriodQuery },
      responses: okJson(FeedbackListResponse, "The officer and their feedback"),
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const { agency } = await agencyFor(c, slug, "readAgency");
      const officer = await officerOfAgency(c.get("db"), agency.id, id);
      if (!officer) throw notFound("Officer");
      const query = c.req.valid("query");
      const period = query.period || query.from || query.to ? periodFromQuery(query, agency.timezone) : undefined;
      const feedback = await feedbackForOfficer(c.get("db"), officer.id, period);
      return c.json({ officer: { id: officer.id, name: officer.name }, feedback }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      summary:
        "Write feedback to an officer for a named period; masked like comments; audited " +
        "(agency admins and supervisors of the agency; an account linked to that officer is 403)",
      tags,
      security: SECURITY.session,
      request: { params: itemParams, body: jsonBody(FeedbackInput) },
      responses: okJson(FeedbackResponse, "The feedback"),
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const { user, agency } = await agencyFor(c, slug, "giveFeedback");
      const officer = await officerOfAgency(c.get("db"), agency.id, id);
      if (!officer) throw notFound("Officer");
      if (user.officerId === officer.id) throw forbidden("Nobody may write feedback to themself.");
      const feedback = await giveFeedback(c.get("db"), agency.id, officer.id, c.req.valid("json"), user);
      return c.json({ feedback }, 200);
    },
  );
