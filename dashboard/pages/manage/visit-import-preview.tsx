/**
 * The import's preview and results: every row of the log with ✓, ⚠ and the flags it will be
 * stored with, or ✗ and its problems in words, before anything is sent; afterwards what became of
 * each visit sent (stored, already there, refused and why). A long log shows its rows with
 * something to say first and only the first good ones.
 */
import type { Timezone } from "../../../core/period.ts";
import type { Locale } from "../../../core/questionnaire.ts";
import type { VisitResult } from "../../../core/visit-contract.ts";
import type { LogProblem, LogRow } from "../../../core/visit-log.ts";
import { sayVisitFlag } from "../../../core/visits.ts";
import { Table } from "../../components/table.tsx";
import { count, dateTime } from "../../format.ts";
import { useImportWords } from "./visit-import-mapping.tsx";
import { sayVisitImport, type VisitImportKey } from "./visit-import-words.ts";

/** Most rows a table shows: those with something to say (a problem, a flag, a refusal) first met, then good ones. */
const SHOWN_NOTABLE = 500;
const SHOWN_GOOD = 200;

/** A row's problem in the reader's words, naming the field and value it is about. */
export function problemWords(problem: LogProblem, locale: Locale) {
  const field = problem.field ? sayVisitImport(locale, `field_${problem.field}`) : "";
  return sayVisitImport(locale, `problem_${problem.code}`, { field, value: problem.value ?? "" });
}

/** The rows a table shows, in file order, and how many it leaves out: a log of 20,000 rows is read whole but not drawn whole. */
function shownRows<T>(rows: T[], notable: (row: T) => boolean): { shown: T[]; hidden: number } {
  let good = 0;
  let other = 0;
  const shown = rows.filter((row) => (notable(row) ? ++other <= SHOWN_NOTABLE : ++good <= SHOWN_GOOD));
  return { shown, hidden: rows.length - shown.length };
}

/** Each row's check in words: ✗ and its problems, ⚠ and its flags, or ✓. */
function checkWords(row: LogRow, locale: Locale) {
  if (row.problems.length) return `✗ ${row.problems.map((p) => problemWords(p, locale)).join("; ")}`;
  if (row.flags.length) return `⚠ ${row.flags.map((f) => sayVisitFlag(locale, f)).join("; ")}`;
  return `✓ ${sayVisitImport(locale, "rowGood")}`;
}

/** The preview: the counts of good, flagged and bad rows, then the rows. */
export function Preview({ rows, zone }: { rows: LogRow[]; zone: Timezone }) {
  const { w, locale } = useImportWords();
  const bad = rows.filter((r) => r.problems.length).length;
  const flagged = rows.filter((r) => !r.problems.length && r.flags.length).length;
  const { shown, hidden } = shownRows(rows, (r) => r.problems.length > 0 || r.flags.length > 0);
  return (
    <section class="card" aria-labelledby="log-preview">
      <h2 id="log-preview">{w("previewTitle")}</h2>
      <p role="status">
        {w("previewCounts", {
          all: count(rows.length, locale),
          good: count(rows.length - bad - flagged, locale),
          flagged: count(flagged, locale),
          bad: count(bad, locale),
        })}
      </p>
      {flagged ? <p class="muted">{w("previewFlaggedNote")}</p> : null}
      <Table columns={[w("line"), w("check"), w("queueNumber"), w("service"), w("counter"), w("time")]}>
        {shown.map((r) => (
          <tr key={r.line} class={r.problems.length ? "row-bad" : undefined}>
            <td>{r.line}</td>
            {/* What is wrong comes first: on a phone it is what shows beside the line number. */}
            <td class="details">{checkWords(r, locale)}</td>
            <th scope="row">{r.shown.queueNumber || "–"}</th>
            <td>{r.shown.service || "–"}</td>
            <td>{r.shown.counter || "–"}</td>
            {/* The time as read, in the agency's zone: a day and month read the wrong way round show here. */}
            <td>{r.instant === null ? "–" : dateTime(new Date(r.instant).toISOString(), locale, zone)}</td>
          </tr>
        ))}
      </Table>
      {hidden ? <p class="muted">{w("previewHidden", { n: count(hidden, locale) })}</p> : null}
    </section>
  );
}

/** A visit sent, with the row it came from and what the API answered. */
export interface Sent {
  row: LogRow;
  result: VisitResult;
}

/** What became of a visit, in words: stored (with its flags), already there, or refused and why. */
function resultWords({ result }: Sent, locale: Locale) {
  const status = sayVisitImport(locale, `result_${result.status}`);
  if (result.status === "rejected") {
    const why =
      sayVisitImport(locale, `rejected_${result.error?.code}` as VisitImportKey) ||
      sayVisitImport(locale, "rejectedOther");
    return `✗ ${status}: ${why}`;
  }
  const flags = result.flags?.length ? `: ${result.flags.map((f) => sayVisitFlag(locale, f)).join("; ")}` : "";
  return `${result.status === "accepted" ? "✓" : "="} ${status}${flags}`;
}

/** The results: a row per visit sent, refusals and duplicates always shown. */
export function Results({ sent }: { sent: Sent[] }) {
  const { w, locale } = useImportWords();
  const { shown, hidden } = shownRows(sent, (s) => s.result.status !== "accepted");
  return (
    <section class="card" aria-labelledby="log-results">
      <h2 id="log-results">{w("resultsTitle")}</h2>
      <Table columns={[w("line"), w("result"), w("queueNumber"), w("service"), w("counter")]}>
        {shown.map((s) => (
          <tr key={s.row.line} class={s.result.status === "rejected" ? "row-bad" : undefined}>
            <td>{s.row.line}</td>
            <td class="details">{resultWords(s, locale)}</td>
            <th scope="row">{s.row.shown.queueNumber || "–"}</th>
            <td>{s.row.shown.service || "–"}</td>
            <td>{s.row.shown.counter || "–"}</td>
          </tr>
        ))}
      </Table>
      {hidden ? <p class="muted">{w("resultsHidden", { n: count(hidden, locale) })}</p> : null}
    </section>
  );
}
