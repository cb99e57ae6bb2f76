/**
 * Flagged ratings (rapid_repeat, outside_hours, clock_skew, excluded): listed for
 * those who read the agency's reports; excluded from the scores or included again
 * by those who manage it, audited, with the rollups moved in the same transaction.
 */
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import * as z from "zod";
import { PeriodQuery, slug } from "../../core/contract.ts";
import { FlaggedResponse, ModeratedResponse } from "../../core/score-responses.ts";
import { flaggedRatings, setExcluded } from "../../db/queries/moderation.ts";
import { agencyFor } from "../access.ts";
import type { AppEnv } from "../env.ts";
import { notFound } from "../errors.ts";
import { okJson, router, SECURITY } from "../openapi.ts";
import { periodFromQuery } from "../period.ts";
import { WHO_MANAGES, WHO_READS } from "./manage/common.ts";

const tags = ["reports"];
const FlaggedQuery = PeriodQuery.extend({
  page: z
    .string()
    .regex(/^\d{1,6}$/)
    .optional()
    .meta({ description: "Page of 100, from 1" }),
});
const ratingParams = z.object({ slug, id: z.uuid() });

/** The route that excludes (true) or includes (false) a rating. */
const moderate = (exclude: boolean) =>
  createRoute({
    method: "post",
    path: `/agencies/{slug}/ratings/{id}/${exclude ? "exclude" : "include"}`,
    summary: exclude
      ? `Exclude a rating from every score; audited ${WHO_MANAGES}`
      : `Include an excluded or flagged rating in the scores again; audited ${WHO_MANAGES}`,
    tags,
    security: SECURITY.session,
    request: { params: ratingParams },
    responses: okJson(ModeratedResponse, "The rating's flags and whether it counts now"),
  });

/** Excludes or includes one rating of an agency, for someone who manages it. */
async function setRating(c: Context<AppEnv>, { slug, id }: { slug: string; id: string }, exclude: boolean) {
  const { user, agency } = await agencyFor(c, slug, "manageAgency");
  const rating = await setExcluded(c.get("db"), agency.id, id, exclude, { actorUserId: user.id });
  if (!rating) throw notFound("Rating");
  return c.json({ rating }, 200);
}

/** GET flagged, POST exclude and include. */
export const moderationRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/agencies/{slug}/flagged",
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
  .openapi(moderate(true), (c) => setRating(c, c.req.valid("param"), true))
  .openapi(moderate(false), (c) => setRating(c, c.req.valid("param"), false));
