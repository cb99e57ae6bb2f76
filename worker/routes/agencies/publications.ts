/**
 * Publishing a named period's SKM results (docs/design.md, "Publications"): the agency's own
 * admins publish (a correction is a new publication that supersedes the period's current one);
 * everyone who reads the agency's report lists what was published, by whom and when.
 */
import { createRoute } from "@hono/zod-openapi";
import * as z from "zod";
import { slug } from "../../../core/contract.ts";
import { newId } from "../../../core/ids.ts";
import { parsePeriod } from "../../../core/period.ts";
import { AgencyPublicationsResponse, PublishedResponse, PublishInput } from "../../../core/publication-contract.ts";
import { auditInsert } from "../../../db/queries/audit.ts";
import { periodSnapshot, publicationsOf, publishStatements } from "../../../db/queries/publications.ts";
import { agencyFor } from "../../access.ts";
import { ApiError } from "../../errors.ts";
import { jsonBody, okJson, router, SECURITY } from "../../openapi.ts";
import { listingOf } from "../../public-results.ts";

const tags = ["reports"];
const params = z.object({ slug });

/** GET and POST /agencies/{slug}/publications. */
export const publicationsRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      summary: "The agency's publications, newest first, with who published each (agency admins and supervisors)",
      tags,
      security: SECURITY.session,
      request: { params },
      responses: okJson(AgencyPublicationsResponse, "Current and superseded publications"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
      const rows = await publicationsOf(c.get("db"), agency.id);
      return c.json({ publications: rows.map((row) => ({ ...listingOf(row), publishedBy: row.publishedBy })) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/",
      summary:
        "Publish a named period's results: freezes the IKM, elements, sample, method and RTL; a period published before is superseded (the agency's own admins)",
      tags,
      security: SECURITY.session,
      request: { params, body: jsonBody(PublishInput) },
      responses: okJson(PublishedResponse, "The new publication"),
    }),
    async (c) => {
      const { user, agency } = await agencyFor(c, c.req.valid("param").slug, "publishResults");
      const label = c.req.valid("json").period;
      const period = parsePeriod(label);
      if (!period) {
        throw new ApiError(
          400,
          "invalid_period",
          `"${label}" is not a named period; publish 2026-11, 2026-Q4, 2026-S2 or 2026 (a from/to range is never published).`,
        );
      }
      const db = c.get("db");
      const snapshot = await periodSnapshot(db, agency.id, period);
      // The regulation publishes the IKM: a period without all nine elements answered has none to publish.
      if (!snapshot.ikm) {
        throw new ApiError(
          409,
          "ikm_incomplete",
          `${label} has no IKM yet: elements without answers: ${snapshot.missingElements.join(", ")}.`,
          { missingElements: snapshot.missingElements },
        );
      }
      const row = {
        id: newId("pub"),
        agencyId: agency.id,
        period: label,
        snapshot,
        publishedBy: user.id,
        publishedAt: Date.now(),
      };
      const before = (await publicationsOf(db, agency.id)).find((p) => p.period === label && p.supersededAt === null);
      // A second publisher of the same moment breaks the unique index of the current one: a 409 `conflict`.
      try {
        await db.batch([
          ...publishStatements(db, row),
          auditInsert(db, {
            actorUserId: user.id,
            agencyId: agency.id,
            action: "publication.publish",
            target: label,
            details: {
              period: label,
              ikm: snapshot.ikm.value,
              respondents: snapshot.respondents,
              followUps: snapshot.followUps.length,
              supersedes: before?.id ?? null,
            },
          }),
        ]);
      } finally {
        c.get("publicResults").forget(agency.slug);
      }
      const [published] = (await publicationsOf(db, agency.id)).filter((p) => p.id === row.id);
      return c.json({ publication: { ...listingOf(published), publishedBy: published.publishedBy } }, 200);
    },
  );
