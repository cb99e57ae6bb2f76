/**
 * What is public (docs/design.md, "Publications"): an agency's published periods and the current
 * snapshot of each, never live numbers and no officer data, answered from the in-memory public
 * results (worker/public-results.ts) so a flood of visitors never reaches the database.
 */

import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import * as z from "zod";
import { slug } from "../../core/contract.ts";
import { parsePeriod } from "../../core/period.ts";
import { PublicationsResponse, PublicIkmResponse, PublishedQuery } from "../../core/publication-contract.ts";
import type { AppEnv } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import { okJson, router, SECURITY } from "../openapi.ts";
import { loadPublicResults, type PublicResults } from "../public-results.ts";

const params = z.object({ slug });
/** A public answer's responses: the JSON, or 304 when the caller's copy (If-None-Match) is still good. */
const cachedJson = <T extends z.ZodType>(schema: T, description: string) => ({
  ...okJson(schema, description),
  304: { description: "Not modified: the copy named by If-None-Match is current" },
});

/** The agency's public results, or a 404 when nothing of it is public (unknown, or its `published` flag off). */
async function resultsOf(c: Context<AppEnv>, agency: string): Promise<PublicResults> {
  const results = await c.get("publicResults").get(agency, () => loadPublicResults(c.get("db"), agency));
  if (!results) throw notFound(`Published results of "${agency}"`);
  return results;
}

/** Sets the validators and lifetime of a public answer; true when the caller's copy is still good (answer 304). */
export function cachedAnswer(c: Context<AppEnv>, results: PublicResults): boolean {
  c.header("Cache-Control", `public, max-age=${c.get("publicResults").maxAgeSeconds}`);
  c.header("ETag", results.etag);
  return c.req.header("If-None-Match") === results.etag;
}

/** GET /public/agencies/{slug}/publications and …/ikm. */
export const publicRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/agencies/{slug}/publications",
      summary: "An agency's published periods, newest first; superseded ones say when and by which (public)",
      tags: ["reports"],
      security: SECURITY.public,
      request: { params },
      responses: cachedJson(PublicationsResponse, "The published periods"),
    }),
    async (c) => {
      const results = await resultsOf(c, c.req.valid("param").slug);
      if (cachedAnswer(c, results)) return c.body(null, 304);
      return c.json({ agency: results.agency, publications: results.publications }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/agencies/{slug}/ikm",
      summary:
        "The current published snapshot of a period (the latest publication without period=): unit and per-service figures, sample, method and RTL with its progress, no officer data (public)",
      tags: ["reports"],
      security: SECURITY.public,
      request: { params, query: PublishedQuery },
      responses: cachedJson(PublicIkmResponse, "The published snapshot, with publishedAt"),
    }),
    async (c) => {
      const results = await resultsOf(c, c.req.valid("param").slug);
      const { period } = c.req.valid("query");
      if (period !== undefined && !parsePeriod(period)) {
        throw new ApiError(
          400,
          "invalid_period",
          `"${period}" is not a named period; use 2026-11, 2026-Q4, 2026-S2 or 2026.`,
        );
      }
      const snapshot =
        period === undefined ? results.current[0] : results.current.find((p) => p.period.label === period);
      if (!snapshot) {
        throw new ApiError(
          404,
          "not_published",
          period === undefined ? "Nothing is published yet." : `${period} is not published.`,
        );
      }
      if (cachedAnswer(c, results)) return c.body(null, 304);
      return c.json(snapshot, 200);
    },
  );
