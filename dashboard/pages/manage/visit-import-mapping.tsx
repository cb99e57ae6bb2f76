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
  const { w } = useImportWords();
  const options = named.map((n) => [n.key, `${n.name} (${n.key})`] as const);
  return (
    <>
      <h3>{w(kind === "service" ? "serviceValues" : "counterValues")}</h3>
      <Table columns={[w("valueInFile"), w(kind === "service" ? "valueIsService" : "valueIsCounter")]}>
        {values.map((value, i) => {
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
    </>
  );
}

/** The service and counter values found in the file, each with the agency's service or counter it stands for. */
export function ValuesCard({
  services,
  counters,
  mapping,
  named,
  onChoose,
}: {
  services: string[];
  counters: string[];
  mapping: LogMapping;
  named: { services: readonly Named[]; counters: readonly Named[] };
  onChoose: (kind: "services" | "counters", value: string, key: string) => void;
}) {
  const { w } = useImportWords();
  return (
    <section class="card" aria-labelledby="log-values">
      <h2 id="log-values">{w("valuesTitle")}</h2>
      <p class="muted">{w("valuesAbout")}</p>
      {services.length ? (
        <ValueTable
          kind="service"
          values={services}
          named={named.services}
          kept={mapping.services}
          onChoose={(value, key) => onChoose("services", value, key)}
        />
      ) : (
        <Empty>{w("valuesNone")}</Empty>
      )}
      {counters.length ? (
        <ValueTable
          kind="counter"
          values={counters}
          named={named.counters}
          kept={mapping.counters}
          onChoose={(value, key) => onChoose("counters", value, key)}
        />
      ) : null}
    </section>
  );
}
