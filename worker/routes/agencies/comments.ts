/** GET /agencies/{slug}/comments: the agency's comments (masked at storage), filtered and paged. */

import { createRoute } from "@hono/zod-openapi";
import * as z from "zod";
import { CommentsQuery, slug } from "../../../core/contract.ts";
import { AgencyCommentsResponse } from "../../../core/score-responses.ts";
import { visitMinutes } from "../../../core/visits.ts";
import { commentsForAgency } from "../../../db/queries/comments.ts";
import { replyState } from "../../../db/queries/replies.ts";
import { agencyFor } from "../../access.ts";
import { okJson, router, SECURITY } from "../../openapi.ts";
import { periodFromQuery } from "../../period.ts";
import { WHO_READS } from "./params.ts";

/** Comments one page holds. */
const PAGE = 50;

/** The agency comments route. */
export const commentsRoutes = router().openapi(
  createRoute({
    method: "get",
    path: "/",
    summary: `Comments citizens left, newest first, by service, counter, face and reason ${WHO_READS}`,
    tags: ["reports"],
    security: SECURITY.session,
    request: { params: z.object({ slug }), query: CommentsQuery },
    responses: okJson(AgencyCommentsResponse, "The comments, 50 a page"),
  }),
  async (c) => {
    const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
    const query = c.req.valid("query");
    const period = periodFromQuery(query, agency.timezone);
    const page = Number(query.page ?? 1);
    const filter = {
      serviceSlug: query.service,
      counterCode: query.counter,
      face: query.face ? Number(query.face) : undefined,
      reason: query.reason,
    };
    const rows = await commentsForAgency(c.get("db"), agency.id, period, filter, PAGE + 1, (page - 1) * PAGE);
    const comments = rows.slice(0, PAGE).map((r) => ({
      ...r,
      createdAt: new Date(r.createdAt).toISOString(),
      reply: replyState(r.reply),
      visit: visitMinutes(r.visit),
    }));
    return c.json({ period, page, more: rows.length > PAGE, comments }, 200);
  },
);
