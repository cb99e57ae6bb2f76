/**
 * One rating of an agency excluded from the scores or included again (POST
 * /agencies/{slug}/ratings/{id}/exclude and …/include) by those who manage the agency,
 * audited, with the rollups moved in the same transaction.
 */
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import * as z from "zod";
import { slug } from "../../../core/contract.ts";
import { ModeratedResponse } from "../../../core/score-responses.ts";
import { setExcluded } from "../../../db/queries/moderation.ts";
import { agencyFor } from "../../access.ts";
import type { AppEnv } from "../../env.ts";
import { notFound } from "../../errors.ts";
import { okJson, router, SECURITY } from "../../openapi.ts";
import { WHO_MANAGES } from "./params.ts";

const tags = ["reports"];
const ratingParams = z.object({ slug, id: z.uuid() });

/** The route that excludes (true) or includes (false) a rating. */
const moderate = (exclude: boolean) =>
  createRoute({
    method: "post",
    path: `/{id}/${exclude ? "exclude" : "include"}`,
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

/** POST exclude and include. */
export const ratingsRoutes = router()
  .openapi(moderate(true), (c) => setRating(c, c.req.valid("param"), true))
  .openapi(moderate(false), (c) => setRating(c, c.req.valid("param"), false));
