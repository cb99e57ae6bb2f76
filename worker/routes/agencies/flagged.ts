/**
 * Flagged ratings (rapid_repeat, outside_hours, clock_skew, excluded): listed for
 * those who read the agency's reports (excluded or included again in ratings.ts); and the
 * visits kept but flagged implausible, which no one includes: their times cannot be true.
 */
import { createRoute } from "@hono/zod-openapi";
import * as z from "zod";
import { PeriodQuery, slug } from "../../../core/contract.ts";
import { FlaggedResponse } from "../../../core/score-responses.ts";
import { FlaggedVisitsResponse } from "../../../core/visit-contract.ts";
import { flaggedVisits } from "../../../db/queries/flagged-visits.ts";
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
/** GET /agencies/{slug}/flagged and …/flagged/visits. */
export const flaggedRoutes = router()
  .openapi(
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
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/visits",
      summary: `Visits of a period kept but flagged implausible (left out of every indicator), the latest first ${WHO_READS}`,
      tags,
      security: SECURITY.session,
      request: { params: z.object({ slug }), query: FlaggedQuery },
      responses: okJson(FlaggedVisitsResponse, "The flagged visits, 100 a page"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
      const query = c.req.valid("query");
      const period = periodFromQuery(query, agency.timezone);
      const page = Math.max(1, Number(query.page ?? 1));
      const rows = await flaggedVisits(c.get("db"), agency.id, period, 100, (page - 1) * 100);
      const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
      const shown = rows.map((r) => ({
        ...r,
        takenAt: iso(r.takenAt),
        calledAt: iso(r.calledAt),
        servedAt: iso(r.servedAt),
        finishedAt: iso(r.finishedAt),
      }));
      return c.json({ period, visits: shown }, 200);
    },
  );
