/**
 * The agency's volume and speed as CSV for people (its readers): the figures of GET …/indicators,
 * one row per group and service, with the ratings CSV's rules: the reader's language, words
 * instead of codes, `;` between cells in Bahasa Indonesia (what an Indonesian-locale Excel opens),
 * a byte-order mark, and cells that could run as formulas kept text.
 */
import { createRoute } from "@hono/zod-openapi";
import { stringify } from "csv-stringify/sync";
import * as z from "zod";
import { PeriodQuery, slug } from "../../../core/contract.ts";
import type { AgencyIndicators, Indicator, Volume } from "../../../core/indicator-contract.ts";
import { sayIndicator } from "../../../core/indicator-words.ts";
import { LOCALES, type Locale } from "../../../core/questionnaire.ts";
import { agencyFor } from "../../access.ts";
import { ERRORS, router, SECURITY } from "../../openapi.ts";
import { periodFromQuery } from "../../period.ts";
import { agencyIndicatorsAnswer } from "./indicators.ts";
import { cell } from "./ratings-csv.ts";

type Say = Parameters<typeof sayIndicator>[1];

/** The columns, in the reader's language. */
const COLUMNS: Say[] = [
  "level",
  "name",
  "service",
  "visits",
  "rated",
  "ratePercent",
  "waitN",
  "waitMedian",
  "waitP90",
  "serviceN",
  "serviceMedian",
  "serviceP90",
  "flaggedColumn",
  "satisfactionNColumn",
  "fairColumn",
  "note",
];

/** A row: a group's volume, and its times when it is of one service; figures withheld below the minimum stay empty. */
function row(
  locale: Locale,
  level: Say,
  name: string,
  service: string,
  figures: Volume & Partial<Pick<Indicator, "waitTime" | "serviceTime">>,
  satisfaction: AgencyIndicators["byOfficer"][number]["satisfaction"] | undefined = undefined,
) {
  const time = (t: Indicator["waitTime"] | undefined) => (t ? [t.n, t.median, t.p90] : ["", "", ""]);
  const short = [figures.enough, figures.waitTime?.enough, figures.serviceTime?.enough].includes(false);
  return [
    sayIndicator(locale, level),
    name,
    service,
    figures.visits,
    figures.rated,
    figures.responseRate === null ? "" : Math.round(figures.responseRate * 100),
    ...time(figures.waitTime),
    ...time(figures.serviceTime),
    figures.flagged,
    satisfaction === undefined ? "" : (satisfaction?.n ?? 0),
    satisfaction?.enough ? satisfaction.fair?.toFixed(2).replace(".", locale === "id" ? "," : ".") : "",
    short ? sayIndicator(locale, "notEnoughShort") : "",
  ];
}

/** Every row of the agency's indicators: the agency, its services, each counter and officer overall and per service. */
function rows(r: AgencyIndicators, locale: Locale) {
  const all = sayIndicator(locale, "allServices");
  return [
    row(locale, "levelAgency", "", all, r.volume),
    ...r.byService.map((s) => row(locale, "levelService", "", s.name, s)),
    ...r.byCounter.flatMap((c) => [
      row(locale, "levelCounter", c.name, all, c.volume),
      ...c.services.map((s) => row(locale, "levelCounter", c.name, s.name, s.own)),
    ]),
    ...r.byOfficer.flatMap((o) => [
      row(locale, "levelOfficer", o.name, all, o.volume, o.satisfaction),
      ...o.services.map((s) => row(locale, "levelOfficer", o.name, s.name, s.own)),
    ]),
  ];
}

/** GET /agencies/{slug}/indicators.csv. */
export const indicatorsCsvRoutes = router().openapi(
  createRoute({
    method: "get",
    path: "/",
    summary:
      "Export visits, response rate, waiting and service time and satisfaction as CSV (agency admins and supervisors of the agency; regional admins of its region)",
    description:
      "One row per group (agency, service, counter, officer) and service it served, the whole group's volume first; " +
      "headers and words in `lang` (Bahasa Indonesia unless `en`), `;`-separated in Bahasa Indonesia, `,` in English; " +
      "times in whole minutes as the page shows them; a figure below the minimum number of visits is left empty " +
      "and its row noted (docs/scoring.md, Volume and speed).",
    tags: ["indicators"],
    security: SECURITY.session,
    request: { params: z.object({ slug }), query: PeriodQuery.extend({ lang: z.enum(LOCALES).optional() }) },
    responses: {
      200: {
        description: "CSV in UTF-8 with a byte-order mark (for Excel)",
        content: { "text/csv": { schema: z.string() } },
      },
      ...ERRORS,
    },
  }),
  async (c) => {
    const { agency } = await agencyFor(c, c.req.valid("param").slug, "readAgency");
    const { lang, ...query } = c.req.valid("query");
    const period = periodFromQuery(query, agency.timezone);
    const locale: Locale = lang ?? "id";
    const figures = await agencyIndicatorsAnswer(c, agency.id, period);
    const body = stringify(
      [COLUMNS.map((k) => sayIndicator(locale, k)), ...rows(figures, locale)].map((r) => r.map(cell)),
      {
        delimiter: locale === "en" ? "," : ";",
      },
    );
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header(
      "Content-Disposition",
      `attachment; filename="suara-${agency.slug}-indikator-${period.from}-${period.to}.csv"`,
    );
    // A byte-order mark, so spreadsheets (Excel) read the file as UTF-8.
    return c.body(`\uFEFF${body}`);
  },
);
