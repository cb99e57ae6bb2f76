/**
 * Volume and speed beside satisfaction (docs/scoring.md, "Volume and speed"): the agency's by
 * service, counter and officer (its readers), and one officer's (its readers; the officer
 * themself through GET /me/indicators). Times are compared within one service only.
 */
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { PeriodQuery } from "../../../core/contract.ts";
import { AgencyIndicatorsResponse, OfficerIndicatorsResponse } from "../../../core/indicator-contract.ts";
import type { Period } from "../../../core/period.ts";
import type { OfficerIndicator } from "../../../core/score-responses.ts";
import { MIN_VISITS } from "../../../core/visits.ts";
import { agencyIndicators, officerIndicators } from "../../../db/queries/indicators.ts";
import { officerOfAgency } from "../../../db/queries/officers.ts";
import { agencyReport, officerScore } from "../../../db/queries/reports.ts";
import { agencyFor } from "../../access.ts";
import type { AppEnv } from "../../env.ts";
import { notFound } from "../../errors.ts";
import { okJson, router, SECURITY } from "../../openapi.ts";
import { periodFromQuery } from "../../period.ts";
import { agencyParams, itemParams, WHO_READS } from "./params.ts";

const tags = ["indicators"];

/** The satisfaction figures of the report's officer indicator, without whatever else came with them. */
const satisfaction = ({ n, index, ci95, fair, band, enough }: OfficerIndicator) => ({
  n,
  index,
  ci95,
  fair,
  band,
  enough,
});

/**
 * An officer's indicators as GET /me/indicators and GET …/officers/{id}/indicators answer them: the
 * visits' figures, and the satisfaction indicator exactly as GET /me/score computes it.
 */
export async function officerIndicatorsAnswer(
  c: Context<AppEnv>,
  officer: { id: string; agencyId: string; name: string; nip: string },
  period: Period,
) {
  const { shrinkageK: k, minOfficerN: minN } = c.get("settings");
  const [figures, score] = await Promise.all([
    officerIndicators(c.get("db"), officer, period),
    officerScore(c.get("db"), officer, period, { k, minN }),
  ]);
  return {
    period,
    minVisits: MIN_VISITS,
    officer: { id: officer.id, name: officer.name, nip: officer.nip },
    ...figures,
    satisfaction: satisfaction(score),
  };
}

/**
 * An agency's indicators as GET …/indicators and its CSV give them: the visits' figures, and beside
 * each officer the satisfaction indicator of the agency's report (reports.ts), not computed again.
 */
export async function agencyIndicatorsAnswer(c: Context<AppEnv>, agencyId: string, period: Period) {
  const { shrinkageK: k, minOfficerN: minN } = c.get("settings");
  const [figures, report] = await Promise.all([
    agencyIndicators(c.get("db"), agencyId, period),
    agencyReport(c.get("db"), agencyId, period, { k, minN }),
  ]);
  const byOfficer = figures.byOfficer.map((o) => {
    const scored = report.byOfficer.find((r) => r.officer === o.officer);
    return { ...o, satisfaction: scored ? satisfaction(scored) : null };
  });
  return { period, minVisits: MIN_VISITS, ...figures, byOfficer };
}

/** GET /agencies/{slug}/indicators. */
export const indicatorsRoutes = router().openapi(
  createRoute({
    method: "get",
    path: "/",
    summary: `Visits, response rate, waiting and service time by service, counter and officer, beside satisfaction ${WHO_READS}`,
    description:
      "Times of a counter or an officer come per service, each beside the agency's for the same service; " +
      "below minVisits visits (or known times) a figure is withheld and only its n given (docs/scoring.md, Volume and speed).",
    tags,
    security: SECURITY.session,
    request: { params: agencyParams, query: PeriodQuery },
    responses: okJson(AgencyIndicatorsResponse, "The agency's indicators"),
  }),
  async (c) => {
    const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
    const period = periodFromQuery(c.req.valid("query"), agency.timezone);
    return c.json(await agencyIndicatorsAnswer(c, agency.id, period), 200);
  },
);

/** GET /agencies/{slug}/officers/{id}/indicators. */
export const officerIndicatorsRoutes = router().openapi(
  createRoute({
    method: "get",
    path: "/",
    summary: `One officer's visits, response rate and times per service beside the agency's, and satisfaction ${WHO_READS}`,
    tags,
    security: SECURITY.session,
    request: { params: itemParams, query: PeriodQuery },
    responses: okJson(OfficerIndicatorsResponse, "The officer's indicators"),
  }),
  async (c) => {
    const { slug, id } = c.req.valid("param");
    const { agency } = await agencyFor(c, slug, "readAgency");
    const officer = await officerOfAgency(c.get("db"), agency.id, id);
    if (!officer) throw notFound("Officer");
    const period = periodFromQuery(c.req.valid("query"), agency.timezone);
    return c.json(await officerIndicatorsAnswer(c, { ...officer, agencyId: agency.id }, period), 200);
  },
);
