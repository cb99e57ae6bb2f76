/**
 * Kelola → Impor log antrean: an agency admin imports a queue machine's day log (CSV or .xlsx) as
 * visits, for queue systems that cannot call the API. The file is read here, never uploaded whole:
 * its columns are mapped to a visit's fields (the kept mapping, else a guess from the headers), its
 * service and counter values to the agency's, and every row is checked before anything is sent
 * (core/visit-log.ts). "Impor" keeps the mapping for the next day's log, then sends the sendable
 * rows to POST /agencies/{slug}/visits in chunks of 500 with progress, and shows what became of each.
 */
import { useMemo, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { Form } from "../../../core/responses.ts";
import type { VisitsResponse } from "../../../core/visit-contract.ts";
import {
  columnIndexes,
  distinctValues,
  guessColumns,
  LOG_CHUNK,
  LOG_FIELDS,
  type LogContext,
  type LogField,
  type LogMapping,
  type LogSheet,
  logSheet,
  MAX_LOG_ROWS,
  matchValue,
  readLog,
} from "../../../core/visit-log.ts";
import type { LogMappingResponse } from "../../../core/visit-log-contract.ts";
import { api } from "../../api.ts";
import { Outcome, useAction } from "../../components/action.tsx";
import { describedBy, Labelled } from "../../components/labelled.tsx";
import { Load } from "../../components/states.tsx";
import { count, dateTime } from "../../format.ts";
import { useAll } from "../../use-api.ts";
import { ManageFrame } from "./frame.tsx";
import { readLogFile } from "./visit-import-file.ts";
import { ColumnsCard, useImportWords, ValuesCard } from "./visit-import-mapping.tsx";
import { Preview, Results, type Sent } from "./visit-import-preview.tsx";

/** Most values of one kind a kept mapping holds (core/visit-log-contract.ts MAX_MAPPED_VALUES), and their longest. */
const MAX_KEPT = 500;
const MAX_VALUE = 120;

/** The import page. */
export function VisitImportPage() {
  const { slug } = useRoute().params;
  const { w } = useImportWords();
  return (
    <ManageFrame slug={slug} title={w("importVisitsTitle")} permission="importVisits" refusal={w("importVisitsOnly")}>
      <Importer slug={slug} />
    </ManageFrame>
  );
}

function Importer({ slug }: { slug: string }) {
  const loaded = useAll<{ form: Form; kept: LogMappingResponse }>({
    form: `/agencies/${slug}/form`,
    kept: `/agencies/${slug}/visit-import-mapping`,
  });
  return <Load loaded={loaded}>{({ form, kept }) => <LogImport slug={slug} form={form} kept={kept} />}</Load>;
}

/** The mapping a file starts with: the kept one's columns that the file has, the guess for the rest. */
function startingMapping(sheet: LogSheet, kept: LogMapping | null): LogMapping {
  const guessed = guessColumns(sheet.headers);
  const have = columnIndexes(sheet.headers, kept?.columns ?? {});
  const columns: LogMapping["columns"] = {};
  const used = new Set(Object.keys(have).map((f) => kept!.columns[f as LogField]));
  for (const field of LOG_FIELDS) {
    if (have[field] !== undefined) columns[field] = kept!.columns[field];
    else if (guessed[field] !== undefined && !used.has(guessed[field])) columns[field] = guessed[field];
  }
  return { columns, services: { ...kept?.services }, counters: { ...kept?.counters } };
}

/** The mapping to keep: its columns, and what each value of this file (then of earlier files) stands for. */
function toKeep(
  mapping: LogMapping,
  found: { services: string[]; counters: string[] },
  context: LogContext,
): LogMapping {
  const values = (list: string[], named: LogContext["services"], chosen: Record<string, string>) => {
    const now = list.flatMap((v) => {
      const key = matchValue(v, named, chosen);
      return key && v.length <= MAX_VALUE ? [[v, key] as const] : [];
    });
    const before = Object.entries(chosen).filter(([v]) => !list.includes(v) && named.some((n) => n.key === chosen[v]));
    return Object.fromEntries([...now, ...before].slice(0, MAX_KEPT));
  };
  // A header too long to keep is read again by its guess next time.
  const columns = Object.fromEntries(Object.entries(mapping.columns).filter(([, h]) => h.length <= MAX_VALUE));
  return {
    columns,
    services: values(found.services, context.services, mapping.services),
    counters: values(found.counters, context.counters, mapping.counters),
  };
}

function LogImport({ slug, form, kept }: { slug: string; form: Form; kept: LogMappingResponse }) {
  const { w, locale } = useImportWords();
  const act = useAction();
  const [file, setFile] = useState<{ name: string; sheet: LogSheet } | null>(null);
  const [fileError, setFileError] = useState("");
  const [mapping, setMapping] = useState<LogMapping | null>(null);
  const [progress, setProgress] = useState<{ done: number; all: number } | null>(null);
  const [sent, setSent] = useState<Sent[] | null>(null);
  // How far an import got when a call failed (the network, a session that ended).
  const [stopped, setStopped] = useState<{ done: number; all: number } | null>(null);
  const context: LogContext = useMemo(
    () => ({
      timezone: form.agency.timezone,
      services: form.services.map((s) => ({ key: s.slug, name: s.name })),
      counters: form.counters.map((c) => ({ key: c.code, name: c.name, opensAt: c.opensAt, closesAt: c.closesAt })),
    }),
    [form],
  );
  const at = file && mapping ? columnIndexes(file.sheet.headers, mapping.columns) : {};
  const found = useMemo(
    () => ({
      services: file ? distinctValues(file.sheet, at.service) : [],
      counters: file ? distinctValues(file.sheet, at.counter) : [],
    }),
    [file, at.service, at.counter],
  );
  const rows = useMemo(() => (file && mapping ? readLog(file.sheet, mapping, context) : []), [file, mapping, context]);
  const sendable = rows.filter((r) => r.visit);

  const choose = async (chosen: File) => {
    setFile(null);
    setMapping(null);
    setSent(null);
    setStopped(null);
    setFileError("");
    const read = await readLogFile(chosen);
    if (typeof read === "string") return setFileError(w(read === "old_xls" ? "logOldXls" : "logNotRead"));
    const sheet = logSheet(read.cells, read.lines);
    if (sheet.rows.length === 0) return setFileError(w("logEmpty"));
    if (sheet.rows.length > MAX_LOG_ROWS) return setFileError(w("logTooBig", { max: count(MAX_LOG_ROWS, locale) }));
    setFile({ name: chosen.name, sheet });
    setMapping(startingMapping(sheet, kept.mapping));
  };

  const send = async () => {
    if (!mapping || !file) return;
    const visits = sendable;
    const results: Sent[] = [];
    setSent(null);
    setStopped(null);
    const saved = await act.run(() =>
      api<LogMappingResponse>(`/agencies/${slug}/visit-import-mapping`, {
        method: "PUT",
        body: toKeep(mapping, found, context),
      }),
    );
    if (!saved) return;
    setProgress({ done: 0, all: visits.length });
    for (let i = 0; i < visits.length; i += LOG_CHUNK) {
      const chunk = visits.slice(i, i + LOG_CHUNK);
      const answer = await act.run(() =>
        api<VisitsResponse>(`/agencies/${slug}/visits`, {
          method: "POST",
          body: { visits: chunk.map((r) => r.visit) },
        }),
      );
      if (!answer) {
        setStopped({ done: results.length, all: visits.length });
        break;
      }
      results.push(...answer.results.map((result, j) => ({ row: chunk[j], result })));
      setProgress({ done: results.length, all: visits.length });
    }
    setSent(results);
    setProgress(null);
    if (results.length < visits.length) return;
    const tally = (status: string) => count(results.filter((s) => s.result.status === status).length, locale);
    await act.run(async () => undefined, {
      done: `${w("importDone", { accepted: tally("accepted"), duplicate: tally("duplicate"), rejected: tally("rejected") })} ${w("mappingSaved")}`,
    });
  };

  return (
    <>
      <section class="card" aria-labelledby="log-import">
        <h1 id="log-import">{w("importVisitsTitle")}</h1>
        <p class="muted">{w("importVisitsAbout")}</p>
        <Labelled id="log-file" label={w("logFile")} hint={w("logFileHint")} error={fileError}>
          <input
            id="log-file"
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={describedBy("log-file", w("logFileHint"), fileError)}
            aria-invalid={fileError ? "true" : undefined}
            disabled={progress !== null}
            onChange={async (event) => {
              const chosen = event.currentTarget.files?.[0];
              if (chosen) await choose(chosen);
            }}
          />
        </Labelled>
        {file ? (
          <p role="status">{w("logRead", { file: file.name, n: count(file.sheet.rows.length, locale) })}</p>
        ) : null}
        {file && kept.savedAt ? (
          <p class="muted">{w("logKept", { at: dateTime(kept.savedAt, locale, form.agency.timezone) })}</p>
        ) : null}
      </section>
      {file && mapping ? (
        <>
          <ColumnsCard
            headers={file.sheet.headers}
            columns={mapping.columns}
            onChange={(field, header) => {
              // A column may serve two fields: a date-and-time column is also the date of times written alone.
              const columns = { ...mapping.columns };
              if (header === undefined) delete columns[field];
              else columns[field] = header;
              setMapping({ ...mapping, columns });
            }}
          />
          <ValuesCard
            found={found}
            mapping={mapping}
            named={context}
            onChoose={(kind, value, key) => setMapping({ ...mapping, [kind]: { ...mapping[kind], [value]: key } })}
          />
          <Preview rows={rows} zone={form.agency.timezone} />
          <div class="card">
            <Outcome action={act} />
            {stopped ? (
              <p role="alert">
                {w("importStopped", { done: count(stopped.done, locale), all: count(stopped.all, locale) })}
              </p>
            ) : null}
            {progress ? (
              <div class="field">
                <label for="log-progress">
                  {w("importSending", { done: count(progress.done, locale), all: count(progress.all, locale) })}
                </label>
                <progress id="log-progress" max={progress.all} value={progress.done} />
              </div>
            ) : null}
            <button
              type="button"
              class="primary"
              disabled={act.busy || progress !== null || sendable.length === 0}
              onClick={send}
            >
              {sendable.length ? w("importSend", { n: count(sendable.length, locale) }) : w("importNothing")}
            </button>
          </div>
          {sent ? <Results sent={sent} /> : null}
        </>
      ) : null}
    </>
  );
}
