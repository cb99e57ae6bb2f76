/**
 * Flagged ratings (rapid_repeat, outside_hours, clock_skew, excluded): listed for
 * those who read the agency's reports (excluded or included again in ratings.ts).
 */
import { createRoute } from "@hono/zod-openapi";
import * as z from "zod";
import { PeriodQuery, slug } from "../../../core/contract.ts";
import { FlaggedResponse } from "../../../core/score-responses.ts";
import { flaggedRatings } from "../../../db/queries/moderation.ts";
import { agencyFor } from "../../access.ts";
import { okJson, router, SECURITY } from "../../openapi.ts";
import { periodFromQuery } from "../../period.ts";
import { WHO_READS } from "./params.ts";

const tags = ["reports"];
const FlaggedQuery = PeriodQuery.extend({
  page: z
    .string()
    .regex(/^\d{1,6}$/)
    .optional()
    .meta({ description: "Page of 100, from 1" }),
});
/** GET /agencies/{slug}/flagged. */
export const flaggedRoutes = router().openapi(
  createRoute({
    method: "get",
    path: "/",
    summary: `Flagged ratings of a period, newest first ${WHO_READS}`,
    tags,
    security: SECURITY.session,
    request: { params: z.object({ slug }), query: FlaggedQuery },
    responses: okJson(FlaggedResponse, "The flagged ratings, 100 a page"),
  }),
  async (c) => {
    const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
    const query = c.req.valid("query");
    const period = periodFromQuery(query, agency.timezone);
    const page = Math.max(1, Number(query.page ?? 1));
    const rows = await flaggedRatings(c.get("db"), agency.id, period, 100, (page - 1) * 100);
    return c.json(
      { period, ratings: rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() })) },
      200,
    );
  },
);
