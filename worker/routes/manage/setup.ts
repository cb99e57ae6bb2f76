/** An agency's first-run checklist and its audit log. */
import { createRoute } from "@hono/zod-openapi";
import { and, desc, eq, like, type SQL } from "drizzle-orm";
import * as z from "zod";
import { AuditResponse, SetupResponse } from "../../../core/responses.ts";
import { setupState } from "../../../db/queries/setup.ts";
import { auditLog, users } from "../../../db/schema.ts";
import { agencyFor, mayActOn } from "../../access.ts";
import { okJson, router, SECURITY } from "../../openapi.ts";
import { kioskBase, publicBase } from "../../settings.ts";
import { agencyParams, WHO_MANAGES, WHO_READS } from "./common.ts";

const tags = ["management"];
/** Audit entries one page holds. */
const PAGE = 50;

/** GET setup and GET audit. */
export const setupRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/agencies/{slug}/setup",
      summary: `What the agency has set up: services, counters, officers, tablets, origins, ratings ${WHO_READS}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams },
      responses: okJson(SetupResponse, "Counts for the first-run checklist"),
    }),
    async (c) => {
      const { user, agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
      const state = await setupState(c.get("db"), agency.id);
      // The server's own network addresses are for those who set tablets up, not for supervisors.
      const lanUrls = mayActOn(user, agency, "manageAgency") ? c.get("lanUrls")() : [];
      const where = { publicUrl: publicBase(c), kioskUrl: kioskBase(c), lanUrls };
      return c.json({ ...state, agency: { slug: agency.slug, name: agency.name }, ...where }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/agencies/{slug}/audit",
      summary: `Who changed what and when, newest first, by kind of change ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: {
        params: agencyParams,
        query: z.strictObject({
          action: z
            .string()
            .regex(/^[a-z_]+(\.[a-z_]+)?$/, "a kind of change such as officer, integration_key or officer.create")
            .optional(),
          page: z
            .string()
            .regex(/^[1-9]\d{0,5}$/)
            .optional(),
        }),
      },
      responses: okJson(AuditResponse, "The audit entries, 50 a page"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "manageAgency");
      const { action, page: pageText } = c.req.valid("query");
      const page = Number(pageText ?? 1);
      const where: SQL[] = [eq(auditLog.agencyId, agency.id)];
      if (action) where.push(action.includes(".") ? eq(auditLog.action, action) : like(auditLog.action, `${action}.%`));
      const rows = await c
        .get("db")
        .select({
          at: auditLog.at,
          action: auditLog.action,
          target: auditLog.target,
          details: auditLog.details,
          actor: users.name,
        })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .where(and(...where))
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(PAGE + 1)
        .offset((page - 1) * PAGE);
      const entries = rows.slice(0, PAGE).map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
      return c.json({ page, more: rows.length > PAGE, entries }, 200);
    },
  );
