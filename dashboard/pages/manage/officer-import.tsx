/**
 * Importing officers from a staff list: an .xlsx file (read here by read-excel-file,
 * loaded only when one is chosen), a CSV as Excel saves it, or cells pasted from a
 * spreadsheet. "Periksa" shows every row with ✓ or ✗ and why (the API reads and checks
 * it, core/officer-sheet.ts); the button adds only the good rows and says so; afterwards
 * the skipped rows are listed. A PIN in the file is shown only as "ada".
 */
import { useState } from "preact/hooks";
import { NIP_PROBLEMS } from "../../../core/nip.ts";
import { csvText, importColumns, type SheetCell, xlsxCells } from "../../../core/officer-sheet.ts";
import type { OfficerImport } from "../../../core/responses.ts";
import { api } from "../../api.ts";
import { Outcome, useAction, when } from "../../components/action.tsx";
import { TextArea } from "../../components/fields.tsx";
import { describedBy, Labelled } from "../../components/labelled.tsx";
import { Table } from "../../components/table.tsx";
import { useWords } from "./use-words.ts";
import type { ManageKey } from "./words.ts";

/** The most a file may weigh as the API receives it (its body limit is 64 KB). */
const MAX_SENT = 60_000;

type Row = OfficerImport["rows"][number];

/** A row's problem in the reader's words. */
function rowProblem(row: Row, w: (k: ManageKey) => string, locale: "id" | "en") {
  if (!row.code) return "";
  if (row.code in NIP_PROBLEMS) return NIP_PROBLEMS[row.code as keyof typeof NIP_PROBLEMS][locale];
  return w(`import_${row.code}` as ManageKey) || (row.error ?? "");
}

/** An .xlsx file's first sheet, only the columns the import reads, numbers kept as the digits stored. */
async function xlsxRows(file: File): Promise<SheetCell[][]> {
  const { readSheet } = await import("read-excel-file/browser");
  return importColumns(xlsxCells(await readSheet(file, { parseNumber: (digits) => ({ number: digits }) })));
}

/** The import's card: choose or paste, check, then add the good rows. */
export function OfficerImportCard({ slug, onImported }: { slug: string; onImported: () => void }) {
  const { w, locale } = useWords();
  const act = useAction();
  const [csv, setCsv] = useState("");
  // A chosen file is sent as read, not shown (it may hold PINs); the box is for pasted text only.
  const [chosen, setChosen] = useState<{ file: string; body: { csv: string } | { cells: SheetCell[][] } } | null>(null);
  const [fileError, setFileError] = useState("");
  const [preview, setPreview] = useState<OfficerImport | null>(null);
  const [skipped, setSkipped] = useState<Row[]>([]);
  // Bumped after an import so the form (and its file picker) starts empty.
  const [round, setRound] = useState(0);
  const good = preview?.rows.filter((r) => r.code === null).length ?? 0;
  const bad = (preview?.rows.length ?? 0) - good;
  const body = chosen?.body ?? { csv };
  const send = (commit: boolean) =>
    api<OfficerImport>(`/agencies/${slug}/officers/import`, { method: "POST", body: { ...body, commit } });
  const fresh = () => {
    setPreview(null);
    setSkipped([]);
    setFileError("");
  };

  const choose = async (file: File) => {
    fresh();
    setChosen(null);
    setCsv("");
    const name = file.name.toLowerCase();
    if (name.endsWith(".xls")) return setFileError(w("importOldXls"));
    try {
      const read = name.endsWith(".xlsx")
        ? { cells: await xlsxRows(file) }
        : { csv: csvText(await file.arrayBuffer()) };
      setChosen({ file: file.name, body: read });
    } catch {
      setFileError(w("importNotXlsx"));
    }
  };

  const tooBig = JSON.stringify(body).length > MAX_SENT;
  const empty = "csv" in body ? !body.csv.trim() : body.cells.length === 0;
  return (
    <section class="card" aria-labelledby="officer-import">
      <h2 id="officer-import">{w("importTitle")}</h2>
      <p class="muted">{w("importAbout")}</p>
      <Outcome action={act} />
      {skipped.length ? (
        <div>
          <p>{w("importSkipped", { n: skipped.length })}</p>
          <ul>
            {skipped.map((r) => (
              <li key={r.line}>{w("importSkippedRow", { line: r.line, nip: r.nip, why: rowProblem(r, w, locale) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form
        key={round}
        class="stack"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          setSkipped([]);
          const checked = await act.run(() => send(false), {
            check: {
              csv: chosen ? "" : when(empty, w("importEmpty")) || when(tooBig, w("importTooBig")),
              file: chosen ? when(empty, w("importEmpty")) || when(tooBig, w("importTooBig")) : "",
            },
          });
          setPreview(checked ?? null);
        }}
      >
        <Labelled
          id="import-file"
          label={w("importFile")}
          hint={w("importFileHint")}
          error={fileError || act.errors.file}
        >
          <input
            id="import-file"
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={describedBy("import-file", w("importFileHint"), fileError || act.errors.file)}
            aria-invalid={fileError || act.errors.file ? "true" : undefined}
            onChange={async (event) => {
              const file = event.currentTarget.files?.[0];
              if (file) await choose(file);
            }}
          />
        </Labelled>
        {chosen ? <p role="status">{w("importRead", { file: chosen.file })}</p> : null}
        <TextArea
          id="import-csv"
          label={w("importText")}
          error={act.errors.csv}
          rows={6}
          value={csv}
          placeholder={"NIP;Nama;Jabatan;PIN\n198803122010012004;Siti Rahma;Pengelola Data;"}
          onInput={(event) => {
            setCsv(event.currentTarget.value);
            setChosen(null);
            fresh();
          }}
        />
        <div>
          <button type="submit" class="secondary" disabled={act.busy}>
            {w("importCheck")}
          </button>
        </div>
      </form>
      {preview ? (
        <>
          <p role="status">
            {bad === 0
              ? w("importGood", { all: preview.rows.length })
              : good === 0
                ? w("importNone")
                : w("importBad", { good, bad, all: preview.rows.length })}
          </p>
          <Table columns={[w("line"), w("check"), w("nip"), w("name"), w("position"), w("pinColumn")]}>
            {preview.rows.map((r) => (
              <tr key={r.line} class={r.code ? "row-bad" : undefined}>
                <td>{r.line || "–"}</td>
                {/* What is wrong comes first: on a phone it is what shows beside the line number. */}
                <td class="details">{r.code ? `✗ ${rowProblem(r, w, locale)}` : `✓ ${w("rowOk")}`}</td>
                <td>
                  <code>{r.nip}</code>
                </td>
                <th scope="row">{r.name}</th>
                <td>{r.position}</td>
                <td>
                  {r.pin ? (
                    w("pinGiven")
                  ) : (
                    <>
                      <span aria-hidden="true">–</span>
                      <span class="visually-hidden">{w("pinNotGiven")}</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </Table>
          <button
            type="button"
            class="primary"
            disabled={act.busy || good === 0}
            onClick={async () => {
              const done = await act.run(() => send(true), {
                refusal: (failure) => (failure.code === "invalid_import" ? w("importNone") : undefined),
              });
              if (!done) return;
              setPreview(null);
              setChosen(null);
              setCsv("");
              setRound(round + 1);
              setSkipped(done.rows.filter((r) => r.code !== null));
              await act.run(async () => undefined, { done: w("imported", { n: done.created }) });
              onImported();
            }}
          >
            {w("importCommit", { n: good })}
          </button>
        </>
      ) : null}
    </section>
  );
}
