/**
 * The log mapping of the dashboard's visit import (issue 21): how the agency's queue machine writes
 * its day log, kept so the next day's log needs none. Its admins who import read and save it; each
 * save is audited with the mapping saved.
 */
import { createRoute } from "@hono/zod-openapi";
import * as z from "zod";
import { slug } from "../../../core/contract.ts";
import { LogMappingInput, LogMappingResponse } from "../../../core/visit-log-contract.ts";
import { auditInsert } from "../../../db/queries/audit.ts";
import { keepLogMapping, keptLogMapping } from "../../../db/queries/visit-import-mapping.ts";
import { agencyFor } from "../../access.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";

const tags = ["visits"];
const WHO = "(agency admins of the agency)";
const params = z.object({ slug });

/** GET and PUT of the agency's log mapping. */
export const visitImportMappingRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: `The mapping the agency's visit imports read its queue machine's log with ${WHO}`,
      tags,
      security: SECURITY.session,
      request: { params },
      responses: okJson(LogMappingResponse, "The kept mapping, null before the first save"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "importVisits");
      const kept = await keptLogMapping(c.get("db"), agency.id);
      if (!kept) return c.json({ mapping: null, savedBy: null, savedAt: null }, 200);
      return c.json({ ...kept, savedAt: new Date(kept.savedAt).toISOString() }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/",
      summary: `Keep the mapping of the agency's queue-machine log for its next imports ${WHO}`,
      tags,
      security: SECURITY.session,
      request: { params, body: jsonBody(LogMappingInput) },
      responses: okJson(LogMappingResponse, "The mapping now kept"),
    }),
    async (c) => {
      const { user, agency } = await agencyFor(c, c.req.valid("param").slug, "importVisits");
      const mapping = c.req.valid("json");
      const db = c.get("db");
      await db.batch([
        keepLogMapping(db, { agencyId: agency.id, mapping, savedBy: user.id }),
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: agency.id,
          action: "visits.map",
          target: agency.slug,
          details: mapping,
        }),
      ]);
      const kept = (await keptLogMapping(db, agency.id))!;
      return c.json({ ...kept, savedAt: new Date(kept.savedAt).toISOString() }, 200);
    },
  );
