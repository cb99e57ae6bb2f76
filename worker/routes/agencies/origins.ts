/** The origins whose pages may embed the agency's widget. */
import { createRoute } from "@hono/zod-openapi";
import * as z from "zod";
import { OriginsInput } from "../../../core/contract.ts";
import { setEmbedOrigins } from "../../../db/queries/agencies.ts";
import { auditInsert } from "../../../db/queries/audit.ts";
import { agencyFor } from "../../access.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";
import { agencyParams, WHO_MANAGES, WHO_READS } from "./params.ts";

const tags = ["management"];
const Origins = z.object({ origins: z.array(z.string()) });

/** GET and PUT of embed origins. */
export const originsRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: `The widget's allowed embed origins ${WHO_READS}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams },
      responses: okJson(Origins, "The origins"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
      return c.json({ origins: agency.embedOrigins }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/",
      summary: `Replace the widget's allowed embed origins ${WHO_MANAGES}`,
      tags,
      security: SECURITY.session,
      request: { params: agencyParams, body: jsonBody(OriginsInput) },
      responses: okJson(Origins, "The origins now allowed"),
    }),
    async (c) => {
      const { user, agency } = await agencyFor(c, c.req.valid("param").slug, "manageAgency");
      const db = c.get("db");
      const origins = [...new Set(c.req.valid("json").origins)];
      await db.batch([
        setEmbedOrigins(db, agency.id, origins),
        auditInsert(db, {
          actorUserId: user.id,
          agencyId: agency.id,
          action: "origins.replace",
          target: agency.slug,
          details: origins,
        }),
      ]);
      return c.json({ origins }, 200);
    },
  );
