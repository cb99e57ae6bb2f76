/**
 * Contests (keberatan): an officer contests a rating attributed to them, once
 * (POST /me/ratings/{id}/contest); the agency's supervisors and admins list the
 * contests and decide each once, keeping the rating or excluding it
 * (GET /agencies/{slug}/contests, POST /agencies/{slug}/contests/{id}/decide).
 */
import { createRoute } from "@hono/zod-openapi";
import * as z from "zod";
import {
  ContestedResponse,
  ContestInput,
  ContestsQuery,
  ContestsResponse,
  DecideInput,
} from "../../core/contest-contract.ts";
import { ErrorBody, slug } from "../../core/contract.ts";
import {
  agencyContests,
  contestOfAgency,
  contestRating,
  contestWithRating,
  decideContest,
} from "../../db/queries/contests.ts";
import { agencyFor, assertNotOwnContest, requirePermission } from "../access.ts";
import { ApiError, forbidden, notFound } from "../errors.ts";
import { jsonBody, okJson, router, SECURITY } from "../openapi.ts";

const tags = ["contests"];
/** Who may list an agency's contests, as stated in route summaries (RULES.decideContest). */
const WHO_LISTS = "(supervisors and agency admins of the agency; regional admins of its region)";
/** Who may decide one: the same, but nobody a contest of their own. */
const WHO_DECIDES =
  "(supervisors and agency admins of the agency; regional admins of its region; never one's own contest)";
/** Contests a page of the list holds. */
const PAGE = 50;

/** A 409 answer, named by its error code. */
const conflict = (code: string) => ({
  409: { description: `\`${code}\`: done once already`, content: { "application/json": { schema: ErrorBody } } },
});

/** POST /me/ratings/{id}/contest, GET /agencies/{slug}/contests, POST /agencies/{slug}/contests/{id}/decide. */
export const contestsRoutes = router()
  .openapi(
    createRoute({
      method: "post",
      path: "/me/ratings/{id}/contest",
      summary:
        "Contest a rating attributed to the signed-in officer, once; it keeps counting until decided; audited " +
        "(users linked to an officer, their own ratings only: another's rating is 404)",
      tags,
      security: SECURITY.session,
      request: { params: z.object({ id: z.uuid() }), body: jsonBody(ContestInput) },
      responses: {
        ...okJson(ContestedResponse, "The contest and the rating's flags"),
        ...conflict("already_contested"),
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
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/agencies/{slug}/contests",
      summary: `Officers' contests: open ones oldest first, or decided ones newest first; 50 a page ${WHO_LISTS}`,
      tags,
      security: SECURITY.session,
      request: { params: z.object({ slug }), query: ContestsQuery },
      responses: okJson(ContestsResponse, "The contests with the ratings they are about, and how many are open"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "decideContest");
      const { status, page: pageText } = c.req.valid("query");
      const page = Number(pageText ?? 1);
      const { open, contests } = await agencyContests(c.get("db"), agency.id, status, PAGE + 1, (page - 1) * PAGE);
      return c.json({ status, open, page, more: contests.length > PAGE, contests: contests.slice(0, PAGE) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/agencies/{slug}/contests/{id}/decide",
      summary:
        "Decide a contest once: keep the rating counted, or exclude it from every score (the rollups move in the " +
        `same transaction); a note says why; audited ${WHO_DECIDES}`,
      tags,
      security: SECURITY.session,
      request: { params: z.object({ slug, id: z.string().min(1).max(64) }), body: jsonBody(DecideInput) },
      responses: {
        ...okJson(ContestedResponse, "The decided contest and the rating's flags"),
        ...conflict("already_decided"),
      },
    }),
    async (c) => {
      const { slug: agencySlug, id } = c.req.valid("param");
      const { user, agency } = await agencyFor(c, agencySlug, "decideContest");
      const contest = await contestOfAgency(c.get("db"), agency.id, id);
      if (!contest) throw notFound("Contest");
      assertNotOwnContest(user, contest.officerId);
      const alreadyDecided = new ApiError(409, "already_decided", "This contest was decided already.");
      if (contest.decision) throw alreadyDecided;
      const { decision, note } = c.req.valid("json");
      if (!(await decideContest(c.get("db"), contest, agency.id, decision, note, user.id))) throw alreadyDecided;
      return c.json(await contestWithRating(c.get("db"), id), 200);
    },
  );
