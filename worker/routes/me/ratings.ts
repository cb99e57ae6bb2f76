/**
 * An officer contests (keberatan) a rating attributed to them, once; the agency's
 * supervisors and admins decide it (routes/agencies/contests.ts).
 */
import { createRoute } from "@hono/zod-openapi";
import * as z from "zod";
import { ContestedResponse, ContestInput } from "../../../core/contest-contract.ts";
import { contestRating, contestWithRating } from "../../../db/queries/contests.ts";
import { requirePermission } from "../../access.ts";
import { ApiError, forbidden, notFound } from "../../errors.ts";
import { conflictResponse, jsonBody, okJson, router, SECURITY } from "../../openapi.ts";

const tags = ["contests"];

/** POST /me/ratings/{id}/contest. */
export const myRatingsRoutes = router().openapi(
  createRoute({
    method: "post",
    path: "/{id}/contest",
    summary:
      "Contest a rating attributed to the signed-in officer, once; it keeps counting until decided; audited " +
      "(users linked to an officer, their own ratings only: another's rating is 404)",
    tags,
    security: SECURITY.session,
    request: { params: z.object({ id: z.uuid() }), body: jsonBody(ContestInput) },
    responses: {
      ...okJson(ContestedResponse, "The contest and the rating's flags"),
      ...conflictResponse("already_contested"),
    },
  }),
  async (c) => {
    const user = requirePermission(c, "contestOwnRating");
    if (!user.officerId) throw forbidden("This account is not linked to an officer.");
    const { id } = c.req.valid("param");
    const outcome = await contestRating(c.get("db"), user.officerId, id, c.req.valid("json"), user.id);
    if (!outcome.ok && outcome.code === "not_found") throw notFound("Rating");
    if (!outcome.ok) throw new ApiError(409, "already_contested", "This rating was contested already.");
    return c.json(await contestWithRating(c.get("db"), outcome.value.contest.id), 200);
  },
);
