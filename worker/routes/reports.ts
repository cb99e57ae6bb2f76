/**
 * Reports: the agency's SKM report and CSV export (its admins and supervisors,
 * and the regional admin of its region), and the published aggregate (public).
 */

import { createRoute } from "@hono/zod-openapi";
import { stringify } from "csv-stringify/sync";
import { stream } from "hono/streaming";
import * as z from "zod";
import { PeriodQuery, slug } from "../../core/contract.ts";
import { ELEMENT_IDS } from "../../core/questionnaire.ts";
import { ProfileResponse, PublicIkmResponse, ReportResponse } from "../../core/score-responses.ts";
import { agencyBySlug } from "../../db/queries/agencies.ts";
import { exportPage } from "../../db/queries/export.ts";
import { agencyReport, publicSummary, respondentProfile } from "../../db/queries/reports.ts";
import { agencyFor } from "../access.ts";
import { notFound } from "../errors.ts";
import { ERRORS, okJson, router, SECURITY } from "../openapi.ts";
import { periodFromQuery } from "../period.ts";

const ReportQuery = PeriodQuery.extend({
  population: z
    .string()
    .regex(/^\d{1,9}$/)
    .optional()
    .meta({ description: "Service users in the period, for the Krejcie–Morgan sample size" }),
});

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

/** The report, the CSV export and the public IKM. */
export const reportsRoutes = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/agencies/{slug}/report",
      summary: "SKM report: IKM per element, service, counter and officer (agency admins and supervisors)",
      tags: ["reports"],
      security: SECURITY.session,
      request: { params: z.object({ slug }), query: ReportQuery },
      responses: okJson(ReportResponse, "The report (docs/design.md, Report shape)"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
      const query = c.req.valid("query");
      const period = periodFromQuery(query, agency.timezone);
      const { shrinkageK: k, minOfficerN: minN } = c.get("settings");
      const population = query.population ? Number(query.population) : undefined;
      const report = await agencyReport(c.get("db"), agency.id, period, { k, minN, population });
      return c.json({ agency: { slug: agency.slug, name: agency.name }, ...report }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/agencies/{slug}/report/profile",
      summary: "The respondent profile of the period's SKM respondents (agency admins and supervisors)",
      tags: ["reports"],
      security: SECURITY.session,
      request: { params: z.object({ slug }), query: PeriodQuery },
      responses: okJson(ProfileResponse, "Counts per gender, age group, education and occupation"),
    }),
    async (c) => {
      const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
      const period = periodFromQuery(c.req.valid("query"), agency.timezone);
      return c.json(await respondentProfile(c.get("db"), agency.id, period), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/agencies/{slug}/ratings.csv",
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
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/public/agencies/{slug}/ikm",
      summary: "The published IKM of an agency: unit and per-service aggregates, no officer data (public)",
      tags: ["reports"],
      security: SECURITY.public,
      request: { params: z.object({ slug }), query: PeriodQuery },
      responses: okJson(PublicIkmResponse, "The published aggregate"),
    }),
    async (c) => {
      const agency = await agencyBySlug(c.get("db"), c.req.valid("param").slug);
      if (!agency?.published) throw notFound(`Published results of "${c.req.valid("param").slug}"`);
      const period = periodFromQuery(c.req.valid("query"), agency.timezone);
      const summary = await publicSummary(c.get("db"), agency.id, period);
      c.header("Cache-Control", "public, max-age=300");
      return c.json({ agency: { slug: agency.slug, name: agency.name }, ...summary }, 200);
    },
  );
