/**
 * POST /agencies/{slug}/visits: a queue system (the agency's integration key), a paired tablet (its
 * own counter's visits) or an agency admin importing a day log sends 1–500 visits, each idempotent by
 * the sender's own id; the answer says per visit what became of it (docs/scoring.md, "Volume and speed").
 */
import { createRoute } from "@hono/zod-openapi";
import { newId } from "../../../core/ids.ts";
import { MAX_VISITS, VisitsBatch, VisitsResponse } from "../../../core/visit-contract.ts";
import { auditInsert } from "../../../db/queries/audit.ts";
import { visitCaller } from "../../access.ts";
import { limitBody } from "../../middleware/body-limit.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";
import { agencyParams } from "./params.ts";

/** The largest body of one call: 500 visits with long ids fit several times over. */
export const VISITS_MAX_BODY_BYTES = 1024 * 1024;

/** POST …/visits. */
export const visitsRoutes = router();
visitsRoutes.use("/", limitBody(VISITS_MAX_BODY_BYTES, "A visits request"));
visitsRoutes.openapi(
  createRoute({
    method: "post",
    path: "/",
    summary: `Send 1–${MAX_VISITS} visits (one citizen served at a counter), idempotent by the sender's id within the agency: the agency's integration key (its queue system), a tablet paired to one of its counters (that counter's visits, no officer named), or its agency admins (importing a day log)`,
    description:
      "Every well-formed batch gets 200 with one result per visit, in order: accepted (with the implausible shapes it is " +
      "flagged with, kept but left out of every indicator), duplicate (that id was stored before), or rejected with a code. " +
      "A visit goes to the officer the sender names by NIP, else to the officer on duty at its counter when it was served.",
    tags: ["visits"],
    security: SECURITY.visitSender,
    request: { params: agencyParams, body: jsonBody(VisitsBatch) },
    responses: okJson(VisitsResponse, "One result per visit, in order"),
  }),
  async (c) => {
    const { agency, sender, user } = await visitCaller(c, c.req.valid("param").slug);
    const { visits } = c.req.valid("json");
    const db = c.get("db");
    const results = await c.get("visits")(agency, sender, visits, Date.now(), newId("b"));
    if (user) {
      const count = (status: string) => results.filter((r) => r.status === status).length;
      await auditInsert(db, {
        actorUserId: user.id,
        agencyId: agency.id,
        action: "visits.import",
        target: agency.slug,
        details: { accepted: count("accepted"), duplicate: count("duplicate"), rejected: count("rejected") },
      });
    }
    return c.json({ results }, 200);
  },
);
