/**
 * /agencies: regional admins list and create the agencies of their region (the region is
 * theirs); everything under /agencies/{slug}/… is one router per path in routes/agencies/,
 * mounted here.
 */

import { createRoute } from "@hono/zod-openapi";
import { AgencyInput, PeriodQuery } from "../../core/contract.ts";
import { newId } from "../../core/ids.ts";
import { hashSecret } from "../../core/password.ts";
import { AgencyResponse } from "../../core/responses.ts";
import { AgenciesResponse } from "../../core/score-responses.ts";
import { agenciesOfRegion, insertAgency } from "../../db/queries/agencies.ts";
import { auditInsert } from "../../db/queries/audit.ts";
import { agencySummary } from "../../db/queries/reports.ts";
import { insertUser } from "../../db/queries/users.ts";
import { requirePermission } from "../access.ts";
import { jsonBody, okJson, router, SECURITY } from "../openapi.ts";
import { periodFromQuery } from "../period.ts";
import { alertRulesRoutes } from "./agencies/alert-rules.ts";
import { auditRoutes } from "./agencies/audit.ts";
import { commentsRoutes } from "./agencies/comments.ts";
import { contestsRoutes } from "./agencies/contests.ts";
import { countersRoutes } from "./agencies/counters.ts";
import { agencyDevicesRoutes } from "./agencies/devices.ts";
import { dutyBoardRoutes } from "./agencies/duties.ts";
import { feedbackRoutes } from "./agencies/feedback.ts";
import { flaggedRoutes } from "./agencies/flagged.ts";
import { followUpsRoutes } from "./agencies/follow-ups.ts";
import { formRoutes } from "./agencies/form.ts";
import { indicatorsRoutes, officerIndicatorsRoutes } from "./agencies/indicators.ts";
import { indicatorsCsvRoutes } from "./agencies/indicators-csv.ts";
import { integrationKeysRoutes } from "./agencies/integration-keys.ts";
import { notificationsRoutes } from "./agencies/notifications.ts";
import { officersRoutes } from "./agencies/officers.ts";
import { originsRoutes } from "./agencies/origins.ts";
import { populationsRoutes } from "./agencies/populations.ts";
import { publicationsRoutes } from "./agencies/publications.ts";
import { ratingsRoutes } from "./agencies/ratings.ts";
import { ratingsCsvRoutes } from "./agencies/ratings-csv.ts";
import { reportRoutes } from "./agencies/report.ts";
import { servicesRoutes } from "./agencies/services.ts";
import { setupRoutes } from "./agencies/setup.ts";
import { usersRoutes } from "./agencies/users.ts";
import { visitImportMappingRoutes } from "./agencies/visit-import-mapping.ts";
import { visitsRoutes } from "./agencies/visits.ts";
import { webhookRoutes } from "./agencies/webhook.ts";

/** GET and POST /agencies, and every router under /agencies/{slug}/…. */
export const agenciesRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: "The agencies of the caller's region with their IKM for the period, side by side (regional admins)",
      tags: ["management"],
      security: SECURITY.session,
      request: { query: PeriodQuery },
      responses: okJson(AgenciesResponse, "The agencies and their figures"),
    }),
    async (c) => {
      const user = requirePermission(c, "manageRegion");
      const rows = await agenciesOfRegion(c.get("db"), user.region ?? "");
      const query = c.req.valid("query");
      const listed = await Promise.all(
        rows.map(async ({ id, ...agency }) => {
          const period = periodFromQuery(query, agency.timezone);
          const { respondents, taps, ikm, quick } = await agencySummary(c.get("db"), id, period);
          return { ...agency, figures: { period, respondents, taps, ikm, quick } };
        }),
      );
      return c.json({ agencies: listed }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      summary: "Create an agency in the caller's region, and optionally its first agency admin (regional admins)",
      tags: ["management"],
      security: SECURITY.session,
      request: { body: jsonBody(AgencyInput) },
      responses: okJson(AgencyResponse, "The new agency"),
    }),
    async (c) => {
      const user = requirePermission(c, "manageRegion");
      const db = c.get("db");
      const { admin, ...fields } = c.req.valid("json");
      const row = { id: newId("agc"), region: user.region ?? "", ...fields };
      const audit = auditInsert(db, {
        actorUserId: user.id,
        agencyId: row.id,
        action: "agency.create",
        target: row.slug,
        details: row,
      });
      if (!admin) {
        await db.batch([insertAgency(db, row), audit]);
        return c.json({ agency: row }, 200);
      }
      // The agency and its first admin in one transaction: a clash on either leaves neither behind.
      const { password, ...person } = admin;
      const account = {
        ...person,
        id: newId("usr"),
        email: person.email.toLowerCase(),
        role: "agency_admin" as const,
        agencyId: row.id,
        officerId: null,
        region: null,
      };
      const [, [created]] = await db.batch([
        insertAgency(db, row),
        // The regional admin saw this password: its owner chooses their own at the first sign-in.
        insertUser(db, { ...account, passwordHash: await hashSecret(password), passwordTemporary: true }),
        audit,
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: row.id,
          action: "user.create",
          target: account.id,
          details: account,
        }),
      ]);
      return c.json({ agency: row, admin: created }, 200);
    },
  )
  .route("/:slug/form", formRoutes)
  .route("/:slug/setup", setupRoutes)
  .route("/:slug/services", servicesRoutes)
  .route("/:slug/counters", countersRoutes)
  .route("/:slug/officers/:id/feedback", feedbackRoutes)
  .route("/:slug/officers/:id/indicators", officerIndicatorsRoutes)
  .route("/:slug/officers", officersRoutes)
  .route("/:slug/users", usersRoutes)
  .route("/:slug/devices", agencyDevicesRoutes)
  .route("/:slug/origins", originsRoutes)
  .route("/:slug/integration-keys", integrationKeysRoutes)
  .route("/:slug/duties", dutyBoardRoutes)
  .route("/:slug/report", reportRoutes)
  .route("/:slug/indicators.csv", indicatorsCsvRoutes)
  .route("/:slug/indicators", indicatorsRoutes)
  .route("/:slug/populations", populationsRoutes)
  .route("/:slug/follow-ups", followUpsRoutes)
  .route("/:slug/publications", publicationsRoutes)
  .route("/:slug/ratings.csv", ratingsCsvRoutes)
  .route("/:slug/ratings", ratingsRoutes)
  .route("/:slug/flagged", flaggedRoutes)
  .route("/:slug/comments", commentsRoutes)
  .route("/:slug/contests", contestsRoutes)
  .route("/:slug/audit", auditRoutes)
  .route("/:slug/notifications", notificationsRoutes)
  .route("/:slug/alert-rules", alertRulesRoutes)
  .route("/:slug/webhook", webhookRoutes)
  .route("/:slug/visit-import-mapping", visitImportMappingRoutes)
  .route("/:slug/visits", visitsRoutes);
