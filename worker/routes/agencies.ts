/** Agencies of a region: regional admins list and create them (the region is theirs). */

import { createRoute } from "@hono/zod-openapi";
import { asc, eq } from "drizzle-orm";
import { AgencyInput } from "../../core/contract.ts";
import { newId } from "../../core/ids.ts";
import { AgenciesResponse, AgencyResponse } from "../../core/responses.ts";
import { auditInsert } from "../../db/queries/audit.ts";
import { agencies } from "../../db/schema.ts";
import { requirePermission } from "../access.ts";
import { jsonBody, okJson, router, SECURITY } from "../openapi.ts";

/** GET and POST /agencies. */
export const agenciesRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/agencies",
      summary: "The agencies of the caller's region (regional admins)",
      tags: ["management"],
      security: SECURITY.session,
      responses: okJson(AgenciesResponse, "The agencies"),
    }),
    async (c) => {
      const user = requirePermission(c, "manageRegion");
      const rows = await c.var.db
        .select({ slug: agencies.slug, name: agencies.name, timezone: agencies.timezone, region: agencies.region })
        .from(agencies)
        .where(eq(agencies.region, user.region ?? ""))
        .orderBy(asc(agencies.name));
      return c.json({ agencies: rows }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/agencies",
      summary: "Create an agency in the caller's region (regional admins)",
      tags: ["management"],
      security: SECURITY.session,
      request: { body: jsonBody(AgencyInput) },
      responses: okJson(AgencyResponse, "The new agency"),
    }),
    async (c) => {
      const user = requirePermission(c, "manageRegion");
      const db = c.var.db;
      const row = { id: newId("agc"), region: user.region ?? "", ...c.req.valid("json") };
      await db.batch([
        db.insert(agencies).values(row),
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: row.id,
          action: "agency.create",
          target: row.slug,
          details: row,
        }),
      ]);
      return c.json({ agency: row }, 200);
    },
  );
