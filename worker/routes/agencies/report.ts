/**
 * The agency's SKM report, its respondent profile and its citizens' reasons with the possible
 * levies (its admins and supervisors, and the regional admin of its region).
 */

import { createRoute } from "@hono/zod-openapi";
import * as z from "zod";
import { PeriodQuery, slug } from "../../../core/contract.ts";
import { parsePeriod } from "../../../core/period.ts";
import { ReasonsResponse } from "../../../core/reason-responses.ts";
import { ProfileResponse, ReportResponse } from "../../../core/score-responses.ts";
import { statedPopulation } from "../../../db/queries/populations.ts";
import { agencyReasons } from "../../../db/queries/reasons.ts";
import { agencyReport, respondentProfile } from "../../../db/queries/reports.ts";
import { agencyFor } from "../../access.ts";
import { okJson, router, SECURITY } from "../../openapi.ts";
import { periodFromQuery } from "../../period.ts";

const ReportQuery = PeriodQuery.extend({
  population: z
    .string()
    .regex(/^\d{1,9}$/)
    .optional()
    .meta({
      description:
        "Service users in the period, for the Krejcie–Morgan sample size; without it, the number the agency stated for a named period (PUT …/populations/{period})",
    }),
});

/** GET /agencies/{slug}/report, …/report/profile and …/report/reasons. */
export const reportRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: "SKM report: IKM per element, service, counter and officer (agency admins and supervisors)",
      tags: ["reports"],
      security: SECURITY.session,
      request: { params: z.object({ slug }), query: ReportQuery },
      responses: okJson(ReportResponse, "The report (docs/design.md, Report shape)"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
      const query = c.req.valid("query");
      const period = periodFromQuery(query, agency.timezone);
      const { shrinkageK: k, minOfficerN: minN } = c.get("settings");
      const db = c.get("db");
      // The report's `population=` (a from/to range's, asked per view) stands over the agency's stated one.
      const stated =
        query.population || !parsePeriod(period.label)
          ? undefined
          : await statedPopulation(db, agency.id, period.label);
      const population = query.population ? Number(query.population) : stated?.population;
      const report = await agencyReport(db, agency.id, period, {
        k,
        minN,
        population,
        stated: stated && { by: stated.statedBy, at: stated.statedAt },
      });
      return c.json({ agency: { slug: agency.slug, name: agency.name }, ...report }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/profile",
      summary: "The respondent profile of the period's SKM respondents (agency admins and supervisors)",
      tags: ["reports"],
      security: SECURITY.session,
      request: { params: z.object({ slug }), query: PeriodQuery },
      responses: okJson(ProfileResponse, "Counts per gender, age group, education and occupation"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
      const period = periodFromQuery(c.req.valid("query"), agency.timezone);
      return c.json(await respondentProfile(c.get("db"), agency.id, period), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/reasons",
      summary:
        "Citizens' reasons for a low face per service, counter and officer, and the possible levies (agency admins and supervisors)",
      tags: ["reports"],
      security: SECURITY.session,
      request: { params: z.object({ slug }), query: PeriodQuery },
      responses: okJson(
        ReasonsResponse,
        "Counts per reason, and the possible levies (docs/scoring.md, Reasons and possible levies)",
      ),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
      const period = periodFromQuery(c.req.valid("query"), agency.timezone);
      return c.json({ timezone: agency.timezone, ...(await agencyReasons(c.get("db"), agency.id, period)) }, 200);
    },
  );
