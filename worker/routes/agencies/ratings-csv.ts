/**
 * The agency's ratings as CSV (its admins and supervisors, and the regional admin of its
 * region), in two forms: for people (the default: the reader's language, words instead of
 * codes, times in the agency's own zone, the profile in columns, `;`-separated in Bahasa
 * Indonesia as an Indonesian-locale Excel expects) and for machines (`format=raw`: codes,
 * UTC instants, JSON, comma-separated; stable for scripts).
 */

import { createRoute } from "@hono/zod-openapi";
import { stringify } from "csv-stringify/sync";
import { stream } from "hono/streaming";
import * as z from "zod";
import { sayChannel } from "../../../core/channels.ts";
import { CsvQuery, slug } from "../../../core/contract.ts";
import { sayFlag } from "../../../core/flags.ts";
import { localDateTime, type Timezone, ZONE_NAMES } from "../../../core/period.ts";
import { ELEMENT_IDS, ELEMENTS, FACES, type Locale, labelOf, PROFILE, REASONS } from "../../../core/questionnaire.ts";
import { createWords } from "../../../core/words.ts";
import { type ExportCursor, exportPage } from "../../../db/queries/export.ts";
import { agencyFor } from "../../access.ts";
import { ERRORS, router, SECURITY } from "../../openapi.ts";
import { periodFromQuery } from "../../period.ts";

/** A rating as the export reads it. */
type Row = Awaited<ReturnType<typeof exportPage>>[number];

const RAW_COLUMNS = [
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

/** The machine-readable row: codes, UTC instants, the profile as JSON. */
const rawRow = (r: Row) => [
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
  ...ELEMENT_IDS.map((e) => (r as Record<string, unknown>)[e]),
  r.reasons?.join(" "),
  r.comment,
  r.respondent,
  r.locale,
  r.flags.join(" "),
  r.counted ? 1 : 0,
];

const sayColumn = createWords({
  id: {
    id: "ID penilaian",
    time: "Waktu ({zone})",
    received: "Diterima ({zone})",
    day: "Tanggal",
    channel: "Saluran",
    service: "Layanan",
    counter: "Loket",
    nip: "NIP petugas",
    officer: "Nama petugas",
    face: "Wajah (1–4)",
    satisfaction: "Kepuasan",
    reasons: "Alasan",
    comment: "Komentar",
    gender: "Jenis kelamin",
    age: "Usia",
    education: "Pendidikan",
    occupation: "Pekerjaan",
    language: "Bahasa",
    flags: "Tanda",
    counted: "Dihitung",
    yes: "Ya",
    no: "Tidak",
  },
  en: {
    id: "Rating ID",
    time: "Time ({zone})",
    received: "Received ({zone})",
    day: "Date",
    channel: "Channel",
    service: "Service",
    counter: "Counter",
    nip: "Officer's NIP",
    officer: "Officer",
    face: "Face (1–4)",
    satisfaction: "Satisfaction",
    reasons: "Reasons",
    comment: "Comment",
    gender: "Gender",
    age: "Age",
    education: "Education",
    occupation: "Occupation",
    language: "Language",
    flags: "Flags",
    counted: "Counted",
    yes: "Yes",
    no: "No",
  },
});

/** The columns of the form for people, in the reader's language. */
function peopleColumns(locale: Locale, timezone: Timezone) {
  const zone = ZONE_NAMES[timezone];
  const say = (key: Parameters<typeof sayColumn>[1]) => sayColumn(locale, key, { zone });
  return [
    say("id"),
    say("time"),
    say("received"),
    say("day"),
    say("channel"),
    say("service"),
    say("counter"),
    say("nip"),
    say("officer"),
    say("face"),
    say("satisfaction"),
    ...ELEMENTS.map((e, i) => `U${i + 1} ${e.name[locale]}`),
    say("reasons"),
    say("comment"),
    say("gender"),
    say("age"),
    say("education"),
    say("occupation"),
    say("language"),
    say("flags"),
    say("counted"),
  ];
}

/** The words of a code from one of the questionnaire's lists, or nothing when none was given. */
const label = (list: Parameters<typeof labelOf>[0], code: unknown, locale: Locale) =>
  code === undefined || code === null ? "" : labelOf(list, String(code), locale);

/** A row for people: words, local times, the profile in columns. */
function peopleRow(r: Row, locale: Locale, timezone: Timezone) {
  const profile = (r.respondent ?? {}) as Record<string, unknown>;
  return [
    r.id,
    localDateTime(r.createdAt, timezone),
    localDateTime(r.receivedAt, timezone),
    r.day,
    sayChannel(locale, r.channel),
    r.serviceName,
    r.counterName,
    r.officerNip,
    r.officerName,
    r.overall,
    r.overall ? FACES[r.overall - 1][locale] : "",
    ...ELEMENT_IDS.map((e) => (r as Record<string, unknown>)[e]),
    (r.reasons ?? []).map((code) => label(REASONS, code, locale)).join(", "),
    r.comment,
    label(PROFILE.gender, profile.gender, locale),
    profile.age,
    label(PROFILE.education, profile.education, locale),
    label(PROFILE.occupation, profile.occupation, locale),
    r.locale === "en" ? "English" : "Bahasa Indonesia",
    r.flags.map((flag) => sayFlag(locale, flag)).join(", "),
    sayColumn(locale, r.counted ? "yes" : "no"),
  ];
}

/** Spreadsheets run cells that start with = + - @ as formulas; a leading ' keeps them text (OWASP CSV injection). */
export const cell = (value: unknown): string | number => {
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
    description:
      "For people by default: headers and words in `lang` (Bahasa Indonesia unless `en`), times in the agency's zone " +
      "(WIB, WITA, WIT), the respondent profile in columns; `;`-separated in Bahasa Indonesia (what an Indonesian-locale " +
      "Excel opens), `,` in English. `format=raw` gives the machine-readable form: codes, UTC ISO 8601 instants, the " +
      "profile as JSON, `,`-separated, with stable snake_case headers.",
    tags: ["reports"],
    security: SECURITY.session,
    request: { params: z.object({ slug }), query: CsvQuery },
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
    const { format, lang, ...query } = c.req.valid("query");
    const period = periodFromQuery(query, agency.timezone);
    const locale: Locale = lang ?? "id";
    const raw = format === "raw";
    const delimiter = raw || locale === "en" ? "," : ";";
    const columns = raw ? RAW_COLUMNS : peopleColumns(locale, agency.timezone);
    const toRow = raw ? rawRow : (r: Row) => peopleRow(r, locale, agency.timezone);
    const name = `suara-${agency.slug}-${period.from}-${period.to}${raw ? "-raw" : ""}.csv`;
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="${name}"`);
    // Whether the client went away: Node aborts the request's signal and cancels the body;
    // Workers cancel the body (the signal only with the enable_request_signal flag).
    const signal = c.req.raw.signal;
    return stream(c, async (out) => {
      const gone = () => out.aborted || signal.aborted;
      // A byte-order mark, so spreadsheets (Excel) read the file as UTF-8: names, comments, "Σ".
      await out.write(`\uFEFF${stringify([columns], { delimiter })}`);
      let after: ExportCursor | null = null;
      // No page is read for a client that left: writes to a cancelled stream fail quietly, so
      // without this check an abandoned export read the whole period to the end.
      while (!gone()) {
        const page = await exportPage(c.get("db"), agency.id, period, after);
        if (page.length === 0) break;
        await out.write(
          stringify(
            page.map((r) => toRow(r).map(cell)),
            { delimiter },
          ),
        );
        const last = page[page.length - 1];
        after = { createdAt: last.createdAt, id: last.id };
      }
    }) as never;
  },
);
