/**
 * The agency's service users per named period, for the report's Krejcie–Morgan sample size
 * (docs/scoring.md, "Sample size"): stated by its admins, read with the report by everyone who
 * reads that. A from/to range keeps none (the report takes `population=` for it).
 */
import { createRoute } from "@hono/zod-openapi";
import * as z from "zod";
import { PopulationInput, slug } from "../../../core/contract.ts";
import { parsePeriod } from "../../../core/period.ts";
import { StatedPopulationResponse } from "../../../core/score-responses.ts";
import { auditInsert } from "../../../db/queries/audit.ts";
import { statedPopulation, statePopulation, withdrawPopulation } from "../../../db/queries/populations.ts";
import { agencyFor } from "../../access.ts";
import { ApiError, notFound } from "../../errors.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";

const tags = ["reports"];
const WHO = "(agency admins of the agency)";
const params = z.object({
  slug,
  period: z.string().max(32).meta({ description: "A named period: 2026-11, 2026-Q4, 2026-S2 or 2026" }),
});

/** The named period of the path, or a 400 `invalid_period` (a range, or not a period at all). */
function namedPeriod(text: string): string {
  if (parsePeriod(text)) return text;
  throw new ApiError(
    400,
    "invalid_period",
    `"${text}" is not a named period; state a population for 2026-11, 2026-Q4, 2026-S2 or 2026 (for a from/to range, give population= to the report).`,
  );
}

/** The audit entry of a change, batched with it: the period is its target, the number (stated or withdrawn) its detail. */
const audit = (
  db: Parameters<typeof auditInsert>[0],
  action: "population.state" | "population.withdraw",
  actorUserId: string,
  agencyId: string,
  details: { period: string; population: number },
) => auditInsert(db, { actorUserId, agencyId, action, target: details.period, details });

/** PUT and DELETE of a period's stated population. */
export const populationsRoutes = router()
  .openapi(
    createRoute({
      method: "put",
      path: "/{period}",
      summary: `State the agency's service users in a named period, for the report's minimum sample ${WHO}`,
      tags,
      security: SECURITY.session,
      request: { params, body: jsonBody(PopulationInput) },
      responses: okJson(StatedPopulationResponse, "The population now stated, by whom and when"),
    }),
    async (c) => {
      const path = c.req.valid("param");
      const { user, agency } = await agencyFor(c, path.slug, "statePopulation");
      const period = namedPeriod(path.period);
      const { population } = c.req.valid("json");
      const db = c.get("db");
      await db.batch([
        statePopulation(db, { agencyId: agency.id, period, population, statedBy: user.id }),
        audit(db, "population.state", user.id, agency.id, { period, population }),
      ]);
      const stated = (await statedPopulation(db, agency.id, period))!;
      return c.json({ period, ...stated, statedAt: new Date(stated.statedAt).toISOString() }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/{period}",
      summary: `Withdraw a named period's stated population: the report assumes a large one (384) again ${WHO}`,
      tags,
      security: SECURITY.session,
      request: { params },
      responses: okJson(StatedPopulationResponse, "The period, with no population stated"),
    }),
    async (c) => {
      const path = c.req.valid("param");
      const { user, agency } = await agencyFor(c, path.slug, "statePopulation");
      const period = namedPeriod(path.period);
      const db = c.get("db");
      const stated = await statedPopulation(db, agency.id, period);
      if (!stated) throw notFound(`A population stated for ${period}`);
      await db.batch([
        withdrawPopulation(db, agency.id, period),
        audit(db, "population.withdraw", user.id, agency.id, { period, population: stated.population }),
      ]);
      return c.json({ period, population: null, statedBy: null, statedAt: null }, 200);
    },
  );
