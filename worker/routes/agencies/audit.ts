/** An agency's audit log: who changed what and when. */
import { createRoute } from "@hono/zod-openapi";
import * as z from "zod";
import { AuditResponse } from "../../../core/responses.ts";
import { auditEntries, auditSubjects } from "../../../db/queries/audit.ts";
import { agencyFor } from "../../access.ts";
import { okJson, router, SECURITY } from "../../openapi.ts";
import { agencyParams, WHO_MANAGES } from "./params.ts";

const tags = ["management"];
/** Audit entries one page holds. */
const PAGE = 50;

/** GET /agencies/{slug}/audit. */
export const auditRoutes = router().openapi(
  createRoute({
    method: "get",
    path: "/",
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
    const db = c.get("db");
    const found = await auditEntries(db, agency.id, action, PAGE + 1, (page - 1) * PAGE);
    const more = found.length > PAGE;
    const rows = found.slice(0, PAGE);
    const subjects = await auditSubjects(db, agency.id, rows);
    const entries = rows.map((r) => ({
      ...r,
      at: new Date(r.at).toISOString(),
      subject: subjects.get(r.target) ?? null,
    }));
    return c.json({ page, more, entries }, 200);
  },
);
