/** GET /api/v1/agencies/:slug/form — public: what a kiosk, widget or QR page shows. */

import { createRoute } from "@hono/zod-openapi";
import * as z from "zod";
import { slug } from "../../../core/contract.ts";
import { ELEMENTS, FACES, LOCALES } from "../../../core/questionnaire.ts";
import { FormResponse } from "../../../core/responses.ts";
import { agencyBySlug, formParts } from "../../../db/queries/agencies.ts";
import { notFound } from "../../errors.ts";
import { namesThisSite } from "../../middleware/same-origin.ts";
import { okJson, router, SECURITY } from "../../openapi.ts";

/** GET /agencies/{slug}/form. */
export const formRoutes = router().openapi(
  createRoute({
    method: "get",
    path: "/",
    summary: "The agency, its services and counters, and the SKM questionnaire (public)",
    tags: ["ratings"],
    security: SECURITY.public,
    request: { params: z.object({ slug }) },
    responses: okJson(FormResponse, "The rating form"),
  }),
  async (c) => {
    const agency = await agencyBySlug(c.get("db"), c.req.valid("param").slug);
    if (!agency) throw notFound(`Agency "${c.req.valid("param").slug}"`);
    const parts = await formParts(c.get("db"), agency.id);
    const origin = c.req.header("origin");
    c.header("Cache-Control", "public, max-age=60");
    c.header("Vary", "Origin");
    return c.json(
      {
        agency: { slug: agency.slug, name: agency.name, timezone: agency.timezone },
        originAllowed: origin ? namesThisSite(c, origin) || agency.embedOrigins.includes(origin) : null,
        ...parts,
        faces: [...FACES],
        questionnaire: ELEMENTS.map((e) => ({ ...e, answers: [...e.answers] })),
        locales: [...LOCALES],
      },
      200,
    );
  },
);
