/**
 * Contests (keberatan) of an agency: its supervisors and admins list the contests its
 * officers made (routes/me/ratings.ts) and decide each once, keeping the rating or
 * excluding it (GET /agencies/{slug}/contests, POST /agencies/{slug}/contests/{id}/decide).
 */
import { createRoute } from "@hono/zod-openapi";
import * as z from "zod";
import { ContestedResponse, ContestsQuery, ContestsResponse, DecideInput } from "../../../core/contest-contract.ts";
import { slug } from "../../../core/contract.ts";
import { agencyContests, contestOfAgency, contestWithRating, decideContest } from "../../../db/queries/contests.ts";
import { agencyFor, assertNotOwnContest } from "../../access.ts";
import { ApiError, notFound } from "../../errors.ts";
import { conflictResponse, jsonBody, okJson, router, SECURITY } from "../../openapi.ts";

const tags = ["contests"];
/** Who may list an agency's contests, as stated in route summaries (RULES.decideContest). */
const WHO_LISTS = "(supervisors and agency admins of the agency; regional admins of its region)";
/** Who may decide one: the same, but nobody a contest of their own. */
const WHO_DECIDES =
  "(supervisors and agency admins of the agency; regional admins of its region; never one's own contest)";
/** Contests a page of the list holds. */
const PAGE = 50;

/** GET /agencies/{slug}/contests, POST /agencies/{slug}/contests/{id}/decide. */
export const contestsRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
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
      path: "/{id}/decide",
      summary:
        "Decide a contest once: keep the rating counted, or exclude it from every score (the rollups move in the " +
        `same transaction); a note says why; audited ${WHO_DECIDES}`,
      tags,
      security: SECURITY.session,
      request: { params: z.object({ slug, id: z.string().min(1).max(64) }), body: jsonBody(DecideInput) },
      responses: {
        ...okJson(ContestedResponse, "The decided contest and the rating's flags"),
        ...conflictResponse("already_decided"),
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
