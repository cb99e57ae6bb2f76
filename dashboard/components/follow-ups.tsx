/**
 * The SKM report's follow-up plan (rencana tindak lanjut, docs/scoring.md "Follow-up plan"): the
 * priority elements the report proposes (core/follow-up-plan.ts, on the report's own figures), the
 * period's rows in the regulation's layout (No | Prioritas unsur | Program / kegiatan | Waktu |
 * Penanggung jawab, with the status), and how far the previous period's plan got. The agency's
 * admins write and change rows here; every other reader sees the same tables, read-only. On paper,
 * the forms and buttons are left out.
 */
import { useContext, useState } from "preact/hooks";
import type { FollowUpRow, FollowUps } from "../../core/follow-up-contract.ts";
import { priorityElements } from "../../core/follow-up-plan.ts";
import { parsePeriod } from "../../core/period.ts";
import type { ElementId, Locale } from "../../core/questionnaire.ts";
import { roleMay } from "../../core/roles.ts";
import type { Report } from "../../core/score-responses.ts";
import { api } from "../api.ts";
import { Session } from "../context.ts";
import { sayFollowUps, statusWords } from "../follow-ups-words.ts";
import { nrr, periodWords, score } from "../format.ts";
import { useApi } from "../use-api.ts";
import { Outcome, RowButton, useAction } from "./action.tsx";
import { elementWords, FollowUpForm, type FollowUpValues } from "./follow-up-form.tsx";
import { Empty, Load } from "./states.tsx";
import { ScrollBox, Table } from "./table.tsx";

/** Which form is open: a new row for an element (null: the reader chooses one), or a change to a row. */
type Open = { kind: "new"; element: ElementId | null } | { kind: "edit"; row: FollowUpRow } | null;

/** The follow-up plan section of the report of `r`'s period. */
export function FollowUpPlan({ r, locale }: { r: Report; locale: Locale }) {
  const w = (key: Parameters<typeof sayFollowUps>[1], values?: Record<string, string | number>) =>
    sayFollowUps(locale, key, values);
  const named = parsePeriod(r.period.label) !== null;
  return (
    <section class={`card follow-ups${named ? "" : " no-print"}`} aria-labelledby="rtl-title">
      <h2 id="rtl-title">{w("title")}</h2>
      {named ? <Plan r={r} locale={locale} /> : <p>{w("rangeOnly")}</p>}
    </section>
  );
}

function Plan({ r, locale }: { r: Report; locale: Locale }) {
  const w = (key: Parameters<typeof sayFollowUps>[1], values?: Record<string, string | number>) =>
    sayFollowUps(locale, key, values);
  const role = useContext(Session).me.value!.user.role;
  const writer = roleMay(role, "planFollowUps");
  const period = r.period.label;
  const loaded = useApi<FollowUps>(`/agencies/${r.agency.slug}/follow-ups?period=${period}`);
  const act = useAction();
  const [open, setOpen] = useState<Open>(null);
  const proposed = priorityElements(r.elements);
  const path = `/agencies/${r.agency.slug}/follow-ups`;

  const submit = async (values: FollowUpValues, problems: Record<string, string>) => {
    if (!open) return;
    const element = open.kind === "edit" ? open.row.element : (values.element ?? open.element)!;
    const words = { element: elementWords(element, locale) };
    const done = await act.run(
      () =>
        open.kind === "edit"
          ? api(`${path}/${open.row.id}`, { method: "PATCH", body: values })
          : api(path, { method: "POST", body: { period, ...values } }),
      { check: problems, done: w(open.kind === "edit" ? "changed" : "saved", words) },
    );
    if (done) {
      setOpen(null);
      loaded.retry();
    }
  };
  const form = open ? (
    <FollowUpForm
      key={open.kind === "edit" ? open.row.id : `new-${open.element}`}
      period={period}
      element={open.kind === "new" ? open.element : null}
      row={open.kind === "edit" ? open.row : undefined}
      errors={act.errors}
      busy={act.busy}
      locale={locale}
      onSubmit={submit}
      onCancel={() => {
        act.clear();
        setOpen(null);
      }}
    />
  ) : null;

  return (
    <>
      <p>{w("intro")}</p>
      {writer ? null : <p class="muted no-print">{w("readOnly")}</p>}
      <div class="no-print">
        <Outcome action={act} />
      </div>
      <Load loaded={loaded}>
        {(plan) => {
          const rowsOf = (element: string) => plan.followUps.filter((f) => f.element === element).length;
          return (
            <>
              <h3>{w("proposedTitle")}</h3>
              {proposed.length === 0 ? (
                <Empty>{w("noProposed")}</Empty>
              ) : (
                <Table columns={[w("element"), w("nrr"), w("band"), w("why"), w("planned")]}>
                  {proposed.map((p) => (
                    <tr key={p.element}>
                      <th scope="row">{elementWords(p.element, locale)}</th>
                      <td class="num">
                        {nrr(p.nrr, locale)} ({score(p.score, locale)})
                      </td>
                      <td>{p.mutu}</td>
                      <td>{[p.lowest && w("whyLowest"), p.belowC && w("whyBelowC")].filter(Boolean).join(", ")}</td>
                      <td>
                        {rowsOf(p.element) ? w("plannedN", { n: rowsOf(p.element) }) : w("notPlanned")}
                        {writer ? (
                          <>
                            {" "}
                            <button
                              type="button"
                              class="secondary small no-print"
                              aria-label={w("addFor", { element: elementWords(p.element, locale) })}
                              onClick={() => setOpen({ kind: "new", element: p.element })}
                            >
                              {w("add")}
                            </button>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </Table>
              )}
              {writer ? (
                <p class="no-print">
                  <button type="button" class="secondary" onClick={() => setOpen({ kind: "new", element: null })}>
                    {w("addOther")}
                  </button>
                </p>
              ) : null}
              {open?.kind === "new" ? form : null}
              <h3>{w("tableTitle", { period: periodWords(period, locale) })}</h3>
              <Rows
                rows={plan.followUps}
                locale={locale}
                empty={w("none", { period: periodWords(period, locale) })}
                actions={
                  writer
                    ? (row, n) => (
                        <>
                          <button
                            type="button"
                            class="secondary small"
                            aria-label={w("editOf", { n, element: elementWords(row.element, locale) })}
                            onClick={() => setOpen({ kind: "edit", row })}
                          >
                            {w("edit")}
                          </button>{" "}
                          {row.status === "planned" ? (
                            <RowButton
                              act={act}
                              text={w("remove")}
                              label={w("removeOf", { n, element: elementWords(row.element, locale) })}
                              ask={w("removeConfirm", { n, element: elementWords(row.element, locale) })}
                              done={w("removed", { element: elementWords(row.element, locale) })}
                              call={() => api(`${path}/${row.id}`, { method: "DELETE" })}
                              onDone={loaded.retry}
                            />
                          ) : null}
                        </>
                      )
                    : undefined
                }
              />
              {open?.kind === "edit" ? form : null}
              <h3>{w("previousTitle", { period: periodWords(plan.previous.period, locale) })}</h3>
              {plan.previous.followUps.length ? (
                <p>
                  {w("previousSummary", {
                    done: plan.previous.followUps.filter((f) => f.status === "done").length,
                    total: plan.previous.followUps.length,
                  })}
                </p>
              ) : null}
              <Rows
                rows={plan.previous.followUps}
                locale={locale}
                empty={w("previousNone", { period: periodWords(plan.previous.period, locale) })}
              />
            </>
          );
        }}
      </Load>
    </>
  );
}

/** A plan's rows in the regulation's layout, with the status and its note; `actions` adds a writer's buttons (not printed). */
function Rows({
  rows,
  locale,
  empty,
  actions,
}: {
  rows: FollowUpRow[];
  locale: Locale;
  empty: string;
  actions?: (row: FollowUpRow, n: number) => preact.ComponentChildren;
}) {
  const w = (key: Parameters<typeof sayFollowUps>[1]) => sayFollowUps(locale, key);
  if (!rows.length) return <Empty>{empty}</Empty>;
  return (
    <ScrollBox>
      <table>
        <thead>
          <tr>
            {(["no", "priority", "action", "due", "responsible", "status"] as const).map((key) => (
              <th key={key} scope="col">
                {w(key)}
              </th>
            ))}
            {actions ? (
              <th scope="col" class="no-print">
                {w("rowActions")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.id}>
              <td>{i + 1}</td>
              <th scope="row">{elementWords(row.element, locale)}</th>
              <td>{row.action}</td>
              <td>{periodWords(row.due, locale)}</td>
              <td>{row.responsible}</td>
              <td>
                <span class={`follow-up-status status-${row.status}`}>{statusWords(locale, row.status)}</span>
                {row.note ? <span class="muted"> · {row.note}</span> : null}
              </td>
              {actions ? <td class="no-print">{actions(row, i + 1)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
