/**
 * Counters (loket): code, name, the services given there (the first is what a
 * face-only tap rates), service hours (outside them a kiosk tap is flagged),
 * the kiosk's thank-you time; archiving revokes the counter's tablets.
 */
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { COUNTER_CODE, HHMM } from "../../../core/patterns.ts";
import type { CounterRow, ServiceRow } from "../../../core/responses.ts";
import { api } from "../../api.ts";
import { Outcome, onValues, RowButton, useAction, when } from "../../components/action.tsx";
import { Buttons, Choice, Field } from "../../components/fields.tsx";
import { Empty, Load } from "../../components/states.tsx";
import { Table } from "../../components/table.tsx";
import { useAll } from "../../use-api.ts";
import { ManageFrame } from "./frame.tsx";
import { useWords } from "./use-words.ts";

/** The counters page. */
export function CountersPage() {
  const { slug } = useRoute().params;
  const { w } = useWords();
  const loaded = useAll<{ counters: { counters: CounterRow[] }; services: { services: ServiceRow[] } }>({
    counters: `/agencies/${slug}/counters`,
    services: `/agencies/${slug}/services`,
  });
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <ManageFrame slug={slug} title={w("countersTitle")}>
      <Load loaded={loaded}>
        {({ counters: { counters }, services: { services } }) => {
          const names = new Map(services.map((s) => [s.slug, s.name]));
          const current = counters.find((c) => c.id === editing);
          return (
            <>
              <section class="card" aria-labelledby="counters-title">
                <h1 id="counters-title">{w("countersTitle")}</h1>
                <p class="muted">{w("countersAbout")}</p>
                {counters.length === 0 ? (
                  <Empty>{w("countersEmpty")}</Empty>
                ) : (
                  <Table columns={[w("code"), w("name"), w("servicesGiven"), w("hours"), w("status"), w("actions")]}>
                    {counters.map((c) => (
                      <CounterLine
                        key={c.id}
                        slug={slug}
                        counter={c}
                        names={names}
                        onEdit={() => setEditing(c.id)}
                        onChange={loaded.retry}
                      />
                    ))}
                  </Table>
                )}
              </section>
              <CounterForm
                key={current?.id ?? "new"}
                slug={slug}
                counter={current}
                services={services.filter((s) => s.archivedAt === null)}
                onDone={() => {
                  setEditing(null);
                  loaded.retry();
                }}
                onCancel={() => setEditing(null)}
              />
            </>
          );
        }}
      </Load>
    </ManageFrame>
  );
}

function CounterLine({
  slug,
  counter: c,
  names,
  onEdit,
  onChange,
}: {
  slug: string;
  counter: CounterRow;
  names: Map<string, string>;
  onEdit: () => void;
  onChange: () => void;
}) {
  const { w } = useWords();
  const act = useAction();
  const archived = c.archivedAt !== null;
  return (
    <tr class={archived ? "archived" : undefined}>
      <td>
        <code>{c.code}</code>
      </td>
      <th scope="row">{c.name}</th>
      <td>
        {c.services.length
          ? c.services.map((s, i) => (
              <span key={s}>
                {i ? ", " : ""}
                {names.get(s) ?? s}
                {i === 0 && c.services.length > 1 ? ` (${w("main")})` : ""}
              </span>
            ))
          : w("allServices")}
      </td>
      <td>
        {c.opensAt}–{c.closesAt}
      </td>
      <td>{archived ? w("archived") : w("active")}</td>
      <td class="actions">
        {archived ? null : (
          <>
            <button type="button" class="secondary small" aria-label={w("editOf", { name: c.name })} onClick={onEdit}>
              {w("edit")}
            </button>
            <RowButton
              act={act}
              text={w("archive")}
              label={w("archiveOf", { name: c.name })}
              ask={w("counterArchiveConfirm", { name: c.name })}
              call={() => api(`/agencies/${slug}/counters/${c.id}`, { method: "DELETE" })}
              onDone={onChange}
            />
          </>
        )}
        <Outcome action={act} />
      </td>
    </tr>
  );
}

/** Adds a counter, or changes `counter`. */
function CounterForm({
  slug,
  counter,
  services,
  onDone,
  onCancel,
}: {
  slug: string;
  counter?: CounterRow;
  services: ServiceRow[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const { w } = useWords();
  const act = useAction();
  const id = counter ? "counter-edit" : "counter-add";
  const given = new Set(counter?.services ?? []);
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{counter ? w("counterEdit", { name: counter.name }) : w("counterAdd")}</h2>
      <Outcome action={act} />
      {services.length === 0 ? <p class="muted">{w("counterNeedsService")}</p> : null}
      <form
        class="stack"
        noValidate
        onSubmit={onValues(async (v, form) => {
          const picked = new FormData(form).getAll("services").map(String);
          // The main service first: a face-only tap at this counter rates it.
          const list = v.main ? [v.main, ...picked.filter((s) => s !== v.main)] : picked;
          const body = {
            code: v.code,
            name: v.name,
            opensAt: v.opensAt,
            closesAt: v.closesAt,
            services: list,
            thanksSeconds: Number(v.thanksSeconds),
          };
          const thanks = Number(v.thanksSeconds);
          const done = await act.run(
            () =>
              api(`/agencies/${slug}/counters${counter ? `/${counter.id}` : ""}`, {
                method: counter ? "PATCH" : "POST",
                body,
              }),
            {
              check: {
                code: when(!COUNTER_CODE.test(v.code), w("codeRule")),
                name: when(!v.name, w("required")),
                opensAt: when(!HHMM.test(v.opensAt), w("timeRule")),
                closesAt: when(!HHMM.test(v.closesAt), w("timeRule")),
                thanksSeconds: when(!Number.isInteger(thanks) || thanks < 1 || thanks > 60, w("thanksRule")),
              },
              clash: "code",
              done: w(counter ? "saved" : "counterAdded", { name: v.name }),
            },
          );
          if (done) {
            if (!counter) form.reset();
            onDone();
          }
        })}
      >
        <div class="row">
          <Field
            form={id}
            name="code"
            label={w("code")}
            hint={w("codeHint")}
            defaultValue={counter?.code}
            error={act.errors.code}
            maxLength={32}
          />
          <Field
            form={id}
            name="name"
            label={w("counterName")}
            defaultValue={counter?.name}
            error={act.errors.name}
            maxLength={120}
          />
        </div>
        <div class="row">
          <Field
            form={id}
            name="opensAt"
            type="time"
            label={w("opensAt")}
            defaultValue={counter?.opensAt ?? "08:00"}
            error={act.errors.opensAt}
          />
          <Field
            form={id}
            name="closesAt"
            type="time"
            label={w("closesAt")}
            hint={w("closesHint")}
            defaultValue={counter?.closesAt ?? "16:00"}
            error={act.errors.closesAt}
          />
          <Field
            form={id}
            name="thanksSeconds"
            type="number"
            min={1}
            max={60}
            label={w("thanksSeconds")}
            defaultValue={String(counter?.thanksSeconds ?? 5)}
            error={act.errors.thanksSeconds}
          />
        </div>
        {services.length ? (
          <>
            <Choice
              form={id}
              name="main"
              label={w("mainService")}
              error={act.errors.services}
              defaultValue={counter?.services[0] ?? services[0]?.slug}
              options={services.map((s) => [s.slug, s.name])}
            />
            <fieldset class="checks">
              <legend>{w("otherServices")}</legend>
              {services.map((s) => (
                <label key={s.id}>
                  <input type="checkbox" name="services" value={s.slug} defaultChecked={given.has(s.slug)} /> {s.name}
                </label>
              ))}
            </fieldset>
          </>
        ) : null}
        <Buttons
          submit={counter ? w("save") : w("counterAdd")}
          busy={act.busy}
          cancel={w("cancel")}
          onCancel={counter ? onCancel : undefined}
        />
      </form>
    </section>
  );
}
