/**
 * How a queue log is read, chosen on the import page: which column holds each of a visit's fields
 * (a select per field, the file's headers as options), and which of the agency's services and
 * counters each value found in the file stands for (a select per value; those matched by code or
 * name come chosen).
 */
import { LOG_FIELDS, type LogField, type LogMapping, matchValue, type Named } from "../../../core/visit-log.ts";
import { Choice } from "../../components/fields.tsx";
import { Empty } from "../../components/states.tsx";
import { Table } from "../../components/table.tsx";
import { count } from "../../format.ts";
import { useWords } from "./use-words.ts";
import { sayVisitImport, type VisitImportKey } from "./visit-import-words.ts";

/** The import's words for the signed-in person's language. */
export function useImportWords() {
  const { locale } = useWords();
  return {
    locale,
    w: (key: VisitImportKey, values?: Record<string, string | number>) => sayVisitImport(locale, key, values),
  };
}

/** A select per field: the file's column holding it, or none. */
export function ColumnsCard({
  headers,
  columns,
  onChange,
}: {
  headers: string[];
  columns: LogMapping["columns"];
  onChange: (field: LogField, header: string | undefined) => void;
}) {
  const { w } = useImportWords();
  // Headers as options by position: two columns may share a header text, the first is the one read.
  const options = [
    ["", w("columnNone")] as const,
    ...[...new Set(headers.filter(Boolean))].map((h) => [h, h] as const),
  ];
  return (
    <section class="card" aria-labelledby="log-columns">
      <h2 id="log-columns">{w("columnsTitle")}</h2>
      <p class="muted">{w("columnsAbout")}</p>
      <div class="grid-2">
        {LOG_FIELDS.map((field) => (
          <Choice
            key={field}
            form="log-column"
            name={field}
            label={w(`field_${field}`)}
            value={columns[field] ?? ""}
            options={options}
            onChange={(event) => onChange(field, event.currentTarget.value || undefined)}
          />
        ))}
      </div>
      <p class="hint">{w("idHint")}</p>
    </section>
  );
}

/** Most values of a column shown: a log has a few services and counters; hundreds mean a wrong column. */
const SHOWN_VALUES = 100;

/** The values of one column and what each stands for. */
function ValueTable({
  kind,
  values,
  named,
  kept,
  onChoose,
}: {
  kind: "service" | "counter";
  values: string[];
  named: readonly Named[];
  kept: Record<string, string>;
  onChoose: (value: string, key: string) => void;
}) {
  const { w, locale } = useImportWords();
  // By name; a name two of them share is told apart by its code.
  const shared = (name: string) => named.filter((n) => n.name === name).length > 1;
  const options = named.map((n) => [n.key, shared(n.name) ? `${n.name} (${n.key})` : n.name] as const);
  return (
    <>
      <h3>{w(kind === "service" ? "serviceValues" : "counterValues")}</h3>
      <Table columns={[w("valueInFile"), w(kind === "service" ? "valueIsService" : "valueIsCounter")]}>
        {values.slice(0, SHOWN_VALUES).map((value, i) => {
          const matched = matchValue(value, named, kept);
          return (
            <tr key={value} class={matched ? undefined : "row-bad"}>
              <th scope="row">{value}</th>
              <td>
                <Choice
                  form={`log-${kind}`}
                  name={String(i)}
                  hideLabel
                  label={w(kind === "service" ? "valueServiceOf" : "valueCounterOf", { value })}
                  value={matched ?? ""}
                  options={matched ? options : [["", w("valueUnmapped")], ...options]}
                  onChange={(event) => onChoose(value, event.currentTarget.value)}
                />
              </td>
            </tr>
          );
        })}
      </Table>
      {values.length > SHOWN_VALUES ? (
        <p class="muted">{w("valuesHidden", { n: count(values.length, locale), shown: SHOWN_VALUES })}</p>
      ) : null}
    </>
  );
}

/** The service and counter values found in the file, each with the agency's service or counter it stands for. */
export function ValuesCard({
  found,
  mapping,
  named,
  onChoose,
}: {
  found: { services: string[]; counters: string[] };
  mapping: LogMapping;
  named: { services: readonly Named[]; counters: readonly Named[] };
  onChoose: (kind: "services" | "counters", value: string, key: string) => void;
}) {
  const { w } = useImportWords();
  return (
    <section class="card log-values" aria-labelledby="log-values">
      <h2 id="log-values">{w("valuesTitle")}</h2>
      <p class="muted">{w("valuesAbout")}</p>
      {found.services.length ? null : <Empty>{w("valuesNone")}</Empty>}
      {(["services", "counters"] as const).map((kind) =>
        found[kind].length ? (
          <ValueTable
            key={kind}
            kind={kind === "services" ? "service" : "counter"}
            values={found[kind]}
            named={named[kind]}
            kept={mapping[kind]}
            onChoose={(value, key) => onChoose(kind, value, key)}
          />
        ) : null,
      )}
    </section>
  );
}
