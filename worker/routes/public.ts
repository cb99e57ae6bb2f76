/** What is public: an agency's published IKM, with no officer data. */

import { createRoute } from "@hono/zod-openapi";
import * as z from "zod";
import { PeriodQuery, slug } from "../../core/contract.ts";
import { PublicIkmResponse } from "../../core/score-responses.ts";
import { agencyBySlug } from "../../db/queries/agencies.ts";
import { publicSummary } from "../../db/queries/reports.ts";
import { notFound } from "../errors.ts";
import { okJson, router, SECURITY } from "../openapi.ts";
import { periodFromQuery } from "../period.ts";

/** GET /public/agencies/{slug}/ikm. */
export const publicRoutes = router().openapi(
  createRoute({
    method: "get",
    path: "/agencies/{slug}/ikm",
    summary: "The published IKM of an agency: unit and per-service aggregates, no officer data (public)",
    tags: ["reports"],
    security: SECURITY.public,
    request: { params: z.object({ slug }), query: PeriodQuery },
    responses: okJson(PublicIkmResponse, "The published aggregate"),
  }),
  async (c) => {
    const agency = await agencyBySlug(c.get("db"), c.req.valid("param").slug);
    if (!agency?.published) throw notFound(`Published results of "${c.req.valid("param").slug}"`);
    const period = periodFromQuery(c.req.valid("query"), agency.timezone);
    const summary = await publicSummary(c.get("db"), agency.id, period);
    c.header("Cache-Control", "public, max-age=300");
    return c.json({ agency: { slug: agency.slug, name: agency.name }, ...summary }, 200);
  },
);
