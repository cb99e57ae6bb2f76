/** An agency's first-run checklist. */
import { createRoute } from "@hono/zod-openapi";
import { SetupResponse } from "../../../core/responses.ts";
import { setupState } from "../../../db/queries/setup.ts";
import { agencyFor, mayActOn } from "../../access.ts";
import { okJson, router, SECURITY } from "../../openapi.ts";
import { kioskBase, publicBase } from "../../settings.ts";
import { agencyParams, WHO_READS } from "./params.ts";

const tags = ["management"];
/** GET /agencies/{slug}/setup. */
export const setupRoutes = router().openapi(
  createRoute({
    method: "get",
    path: "/",
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
);
