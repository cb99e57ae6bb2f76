/** The agency's ratings as CSV (its admins and supervisors, and the regional admin of its region). */

import { createRoute } from "@hono/zod-openapi";
import { stringify } from "csv-stringify/sync";
import { stream } from "hono/streaming";
import * as z from "zod";
import { PeriodQuery, slug } from "../../../core/contract.ts";
import { ELEMENT_IDS } from "../../../core/questionnaire.ts";
import { exportPage } from "../../../db/queries/export.ts";
import { agencyFor } from "../../access.ts";
import { ERRORS, router, SECURITY } from "../../openapi.ts";
import { periodFromQuery } from "../../period.ts";

const CSV_COLUMNS = [
  "id",
  "created_at",
  "received_at",
  "day",
  "channel",
  "service",
  "counter",
  "officer_nip",
  "officer_name",
  "overall",
  ...ELEMENT_IDS,
  "reasons",
  "comment",
  "respondent",
  "locale",
  "flags",
  "counted",
];

/** Spreadsheets run cells that start with = + - @ as formulas; a leading ' keeps them text (OWASP CSV injection). */
const cell = (value: unknown): string | number => {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};

/** GET /agencies/{slug}/ratings.csv. */
export const ratingsCsvRoutes = router().openapi(
  createRoute({
    method: "get",
    path: "/",
    summary: "Export ratings as CSV (agency admins and supervisors)",
    tags: ["reports"],
    security: SECURITY.session,
    request: { params: z.object({ slug }), query: PeriodQuery },
    responses: {
      200: {
        description: "CSV in UTF-8 with a byte-order mark (for Excel), one rating per row",
        content: { "text/csv": { schema: z.string() } },
      },
      ...ERRORS,
    },
  }),
  async (c) => {
    const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
    const period = periodFromQuery(c.req.valid("query"), agency.timezone);
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="suara-${agency.slug}-${period.from}-${period.to}.csv"`);
    return stream(c, async (out) => {
      // A byte-order mark, so spreadsheets (Excel) read the file as UTF-8: names, comments, "Σ".
      await out.write(`\uFEFF${stringify([CSV_COLUMNS])}`);
      let after: { createdAt: number; id: string } | null = null;
      for (;;) {
        const page = await exportPage(c.get("db"), agency.id, period, after);
        if (page.length === 0) break;
        const rows = page.map((r) => {
          const record = r as Record<string, unknown>;
          return [
            r.id,
            new Date(r.createdAt).toISOString(),
            new Date(r.receivedAt).toISOString(),
            r.day,
            r.channel,
            r.service,
            r.counter,
            r.officerNip,
            r.officerName,
            r.overall,
            ...ELEMENT_IDS.map((e) => record[e]),
            r.reasons?.join(" "),
            r.comment,
            r.respondent,
            r.locale,
            r.flags.join(" "),
            r.counted ? 1 : 0,
          ].map(cell);
        });
        await out.write(stringify(rows));
        const last = page[page.length - 1];
        after = { createdAt: last.createdAt, id: last.id };
      }
    }) as never;
  },
);
