/** Agencies of a region: regional admins list and create them (the region is theirs). */

import { createRoute } from "@hono/zod-openapi";
import { asc, eq } from "drizzle-orm";
import { AgencyInput, PeriodQuery } from "../../core/contract.ts";
import { newId } from "../../core/ids.ts";
import { hashSecret } from "../../core/password.ts";
import { AgencyResponse } from "../../core/responses.ts";
import { AgenciesResponse } from "../../core/score-responses.ts";
import { auditInsert } from "../../db/queries/audit.ts";
import { agencySummary } from "../../db/queries/reports.ts";
import { agencies, publicUserColumns, users } from "../../db/schema.ts";
import { requirePermission } from "../access.ts";
import { jsonBody, okJson, router, SECURITY } from "../openapi.ts";
import { periodFromQuery } from "../period.ts";

/** GET and POST /agencies. */
export const agenciesRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/agencies",
      summary: "The agencies of the caller's region with their IKM for the period, side by side (regional admins)",
      tags: ["management"],
      security: SECURITY.session,
      request: { query: PeriodQuery },
      responses: okJson(AgenciesResponse, "The agencies and their figures"),
    }),
    async (c) => {
      const user = requirePermission(c, "manageRegion");
      const rows = await c
        .get("db")
        .select({
          id: agencies.id,
          slug: agencies.slug,
          name: agencies.name,
          timezone: agencies.timezone,
          region: agencies.region,
        })
        .from(agencies)
        .where(eq(agencies.region, user.region ?? ""))
        .orderBy(asc(agencies.name));
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
      path: "/agencies",
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
        await db.batch([db.insert(agencies).values(row), audit]);
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
        db.insert(agencies).values(row),
        db
          .insert(users)
          // The regional admin saw this password: its owner chooses their own at the first sign-in.
          .values({ ...account, passwordHash: await hashSecret(password), passwordTemporary: true })
          .returning(publicUserColumns),
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
  );
