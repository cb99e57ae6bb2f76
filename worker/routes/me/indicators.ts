/** The signed-in officer's own volume and speed beside satisfaction (docs/scoring.md, "Volume and speed"). */
import { createRoute } from "@hono/zod-openapi";
import { PeriodQuery } from "../../../core/contract.ts";
import { OfficerIndicatorsResponse } from "../../../core/indicator-contract.ts";
import { okJson, router, SECURITY } from "../../openapi.ts";
import { periodFromQuery } from "../../period.ts";
import { officerIndicatorsAnswer } from "../agencies/indicators.ts";
import { ownOfficer } from "../me.ts";

/** GET /me/indicators. */
export const myIndicatorsRoutes = router().openapi(
  createRoute({
    method: "get",
    path: "/",
    summary:
      "The signed-in officer's visits, response rate and times per service beside the agency's, and satisfaction " +
      "(users linked to an officer: only their own)",
    tags: ["me"],
    security: SECURITY.session,
    request: { query: PeriodQuery },
    responses: okJson(OfficerIndicatorsResponse, "The officer's indicators"),
  }),
  async (c) => {
    const { officer, agency } = await ownOfficer(c);
    const period = periodFromQuery(c.req.valid("query"), agency.timezone);
    return c.json(await officerIndicatorsAnswer(c, officer, period), 200);
  },
);
