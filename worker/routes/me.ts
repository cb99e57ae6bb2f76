/**
 * The signed-in person's own view: GET /me (any signed-in user), and for
 * officers their score (GET /me/score, with their self-issued ratings apart) and the
 * comments about them with their contests (GET /me/comments).
 */

import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import * as z from "zod";
import { PagedPeriodQuery, PeriodQuery } from "../../core/contract.ts";
import { startOfLocalDay } from "../../core/period.ts";
import { MeResponse } from "../../core/responses.ts";
import { CommentsResponse, OfficerScoreResponse } from "../../core/score-responses.ts";
import { OFFICER_INTERVAL_METHOD } from "../../core/scoring.ts";
import { visitMinutes } from "../../core/visits.ts";
import { agencyName } from "../../db/queries/agencies.ts";
import { commentsForOfficer } from "../../db/queries/comments.ts";
import { contestState } from "../../db/queries/contests.ts";
import { dutyHours } from "../../db/queries/duties.ts";
import { officerWithAgency } from "../../db/queries/officers.ts";
import { replyState } from "../../db/queries/replies.ts";
import { officerScore } from "../../db/queries/reports.ts";
import { selfIssuedFigures } from "../../db/queries/self-issued.ts";
import { requirePermission, requireUser } from "../access.ts";
import type { AppEnv } from "../env.ts";
import { forbidden } from "../errors.ts";
import { okJson, router, SECURITY } from "../openapi.ts";
import { periodFromQuery } from "../period.ts";

/** A period, a page, and `replied=1` for only the comments the officer replied to (the evidence page's). */
const MyCommentsQuery = PagedPeriodQuery.extend({ replied: z.enum(["1"]).optional() });

/** Comments a page of /me/comments holds. */
const COMMENTS_PAGE = 20;

/** The caller's officer record and agency; a 403 for accounts not linked to an officer. */
export async function ownOfficer(c: Context<AppEnv>) {
  const user = requirePermission(c, "ownScore");
  if (!user.officerId) throw forbidden("This account is not linked to an officer.");
  const row = await officerWithAgency(c.get("db"), user.officerId);
  if (!row) throw forbidden("This account is not linked to an officer.");
  return row;
}

/** GET /me, /me/score and /me/comments. */
export const meRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: "Who is signed in (signed-in users)",
      tags: ["me"],
      security: SECURITY.session,
      responses: okJson(MeResponse, "The signed-in user"),
    }),
    async (c) => {
      const user = requireUser(c);
      const agency = user.agencyId ? await agencyName(c.get("db"), user.agencyId) : undefined;
      return c.json({ user, agency: agency ?? null }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/score",
      summary: "The signed-in officer's own indicator and monthly trend (users linked to an officer)",
      tags: ["me"],
      security: SECURITY.session,
      request: { query: PeriodQuery },
      responses: okJson(OfficerScoreResponse, "The officer indicator (the report's byOfficer entry) with a trend"),
    }),
    async (c) => {
      const { officer, agency } = await ownOfficer(c);
      const period = periodFromQuery(c.req.valid("query"), agency.timezone);
      const { shrinkageK: k, minOfficerN: minN } = c.get("settings");
      const [score, hours, selfIssued] = await Promise.all([
        officerScore(c.get("db"), officer, period, { k, minN }),
        dutyHours(
          c.get("db"),
          officer.id,
          startOfLocalDay(period.from, agency.timezone),
          startOfLocalDay(period.to, agency.timezone) + 86_400_000,
          Date.now(),
        ),
        selfIssuedFigures(c.get("db"), officer.id, period),
      ]);
      return c.json(
        {
          ...score,
          name: officer.name,
          nip: officer.nip,
          position: officer.position,
          agency: { slug: agency.slug, name: agency.name },
          dutyHours: hours,
          minN,
          k,
          intervalMethod: OFFICER_INTERVAL_METHOD,
          selfIssued,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/comments",
      summary: "Comments citizens left about the signed-in officer (users linked to an officer)",
      tags: ["me"],
      security: SECURITY.session,
      request: { query: MyCommentsQuery },
      responses: okJson(CommentsResponse, "The comments, newest first, 20 a page"),
    }),
    async (c) => {
      const { officer, agency } = await ownOfficer(c);
      const query = c.req.valid("query");
      const period = periodFromQuery(query, agency.timezone);
      const page = Number(query.page ?? 1);
      const rows = await commentsForOfficer(
        c.get("db"),
        officer.id,
        period,
        COMMENTS_PAGE + 1,
        (page - 1) * COMMENTS_PAGE,
        { repliedOnly: query.replied === "1" },
      );
      const comments = rows.slice(0, COMMENTS_PAGE).map((r) => ({
        ...r,
        createdAt: new Date(r.createdAt).toISOString(),
        contest: r.contest ? contestState(r.contest) : null,
        reply: replyState(r.reply),
        visit: visitMinutes(r.visit),
      }));
      return c.json({ period, page, more: rows.length > COMMENTS_PAGE, comments }, 200);
    },
  );
