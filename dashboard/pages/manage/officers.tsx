/**
 * Officers (petugas): add with a checked NIP, or many at once from a CSV with a
 * preview and per-row errors before anything is written; change name and
 * position; deactivate (which ends an open duty); set a new kiosk PIN and the
 * sign-in password, each shown once.
 */
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { NIP_PROBLEMS, nipCheck } from "../../../core/nip.ts";
import { PIN } from "../../../core/patterns.ts";
import type { OfficerImport, OfficerRow, UserRow } from "../../../core/responses.ts";
import { madePassword, madePin } from "../../../core/secrets.ts";
import { api } from "../../api.ts";
import { Outcome, onValues, RowButton, useAction, when } from "../../components/action.tsx";
import { Buttons, Field, TextArea } from "../../components/fields.tsx";
import { Secret, type Shown } from "../../components/secret.tsx";
import { Empty, Load } from "../../components/states.tsx";
import { Table } from "../../components/table.tsx";
import { useAll } from "../../use-api.ts";
import { ManageFrame } from "./frame.tsx";
import { useWords } from "./use-words.ts";
import type { ManageKey } from "./words.ts";

/** The officers page. */
export function ManageOfficersPage() {
  const { slug } = useRoute().params;
  const { w } = useWords();
  const loaded = useAll<{ officers: { officers: OfficerRow[] }; users: { users: UserRow[] } }>({
    officers: `/agencies/${slug}/officers`,
    users: `/agencies/${slug}/users`,
  });
  const [editing, setEditing] = useState<OfficerRow | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  return (
    <ManageFrame slug={slug} title={w("officersManageTitle")}>
      <section class="card" aria-labelledby="officers-manage">
        <h1 id="officers-manage">{w("officersManageTitle")}</h1>
        <p class="muted">{w("officersManageAbout")}</p>
        {shown ? <Secret {...shown} /> : null}
        <Load loaded={loaded}>
          {({ officers: { officers }, users: { users } }) =>
            officers.length === 0 ? (
              <Empty>{w("officersEmpty")}</Empty>
            ) : (
              <Table columns={[w("nip"), w("name"), w("position"), w("status"), w("account"), w("actions")]}>
                {officers.map((o) => (
                  <OfficerLine
                    key={o.id}
                    slug={slug}
                    officer={o}
                    account={users.find((u) => u.officerId === o.id)}
                    onEdit={() => setEditing(o)}
                    onShow={setShown}
                    onChange={loaded.retry}
                  />
                ))}
              </Table>
            )
          }
        </Load>
      </section>
      <OfficerForm
        key={editing?.id ?? "new"}
        slug={slug}
        officer={editing}
        onDone={() => {
          setEditing(null);
          loaded.retry();
        }}
        onCancel={() => setEditing(null)}
      />
      <Import slug={slug} onImported={loaded.retry} />
    </ManageFrame>
  );
}

function OfficerLine({
  slug,
  officer: o,
  account,
  onEdit,
  onShow,
  onChange,
}: {
  slug: string;
  officer: OfficerRow;
  account?: UserRow;
  onEdit: () => void;
  onShow: (shown: Shown) => void;
  onChange: () => void;
}) {
  const { w } = useWords();
  const act = useAction();
  const patch = (body: unknown) => api(`/agencies/${slug}/officers/${o.id}`, { method: "PATCH", body });
  return (
    <tr class={o.active ? undefined : "archived"}>
      <td>
        <code>{o.nip}</code>
      </td>
      <th scope="row">{o.name}</th>
      <td>{o.position || "–"}</td>
      <td>{o.active ? w("active") : w("inactive")}</td>
      <td>{account ? w("hasAccount") : w("noAccount")}</td>
      <td class="actions">
        <button type="button" class="secondary small" aria-label={w("editOf", { name: o.name })} onClick={onEdit}>
          {w("edit")}
        </button>
        <RowButton
          act={act}
          text={w(o.active ? "deactivate" : "activate")}
          label={w(o.active ? "deactivateOf" : "activateOf", { name: o.name })}
          ask={o.active ? w("deactivateConfirm", { name: o.name }) : undefined}
          call={() => patch({ active: !o.active })}
          onDone={onChange}
        />
        <button
          type="button"
          class="secondary small"
          aria-label={w("newPinOf", { name: o.name })}
          disabled={act.busy || !o.active}
          onClick={async () => {
            const pin = madePin();
            if (await act.run(() => patch({ pin })))
              onShow({ label: w("pinFor", { name: o.name }), value: pin, note: w("shownOnce") });
          }}
        >
          {w("newPin")}
        </button>
        <button
          type="button"
          class="secondary small"
          aria-label={w(account ? "newPasswordOf" : "makeAccountOf", { name: o.name })}
          disabled={act.busy || !o.active}
          onClick={async () => {
            // A new account gets a password made here; an existing one is reset by the server. Both are temporary.
            const made = madePassword();
            const done = await act.run(() =>
              account
                ? api<{ password: string }>(`/agencies/${slug}/users/${account.id}/password-reset`, { method: "POST" })
                : api(`/agencies/${slug}/users`, {
                    method: "POST",
                    body: { name: o.name, role: "officer", officer: o.id, password: made },
                  }).then(() => ({ password: made })),
            );
            if (!done) return;
            onShow({
              label: w("passwordFor", { name: o.name, id: o.nip }),
              value: done.password,
              note: w("passwordShownOnce"),
            });
            onChange();
          }}
        >
          {w(account ? "newPassword" : "makeAccount")}
        </button>
        <Outcome action={act} />
      </td>
    </tr>
  );
}

/** Adds an officer, or changes `officer`'s name and position. */
function OfficerForm({
  slug,
  officer,
  onDone,
  onCancel,
}: {
  slug: string;
  officer: OfficerRow | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { w, locale } = useWords();
  const act = useAction();
  const id = officer ? "officer-edit" : "officer-add";
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{officer ? w("officerEdit", { name: officer.name }) : w("officerAdd")}</h2>
      <Outcome action={act} />
      <form
        class="stack"
        noValidate
        onSubmit={onValues(async (v, form) => {
          const problem = officer ? null : nipCheck(v.nip.replace(/\s/g, ""));
          const body = officer
            ? { name: v.name, position: v.position }
            : { nip: v.nip.replace(/\s/g, ""), name: v.name, position: v.position, ...(v.pin ? { pin: v.pin } : {}) };
          const done = await act.run(
            () =>
              api(`/agencies/${slug}/officers${officer ? `/${officer.id}` : ""}`, {
                method: officer ? "PATCH" : "POST",
                body,
              }),
            {
              check: {
                nip: problem ? NIP_PROBLEMS[problem][locale] : "",
                name: when(!v.name, w("required")),
                pin: when(Boolean(v.pin) && !PIN.test(v.pin ?? ""), w("pinRule")),
              },
              clash: "nip",
              done: w(officer ? "saved" : "officerAdded", { name: v.name }),
            },
          );
          if (done) {
            form.reset();
            onDone();
          }
        })}
      >
        {officer ? null : (
          <Field form={id} name="nip" label={w("nip")} hint={w("nipHint")} inputMode="numeric" error={act.errors.nip} />
        )}
        <div class="row">
          <Field
            form={id}
            name="name"
            label={w("name")}
            defaultValue={officer?.name}
            error={act.errors.name}
            maxLength={120}
          />
          <Field
            form={id}
            name="position"
            label={w("position")}
            defaultValue={officer?.position}
            error={act.errors.position}
            maxLength={120}
          />
        </div>
        {officer ? null : (
          <Field
            form={id}
            name="pin"
            label={w("pinOptional")}
            hint={w("pinHint")}
            inputMode="numeric"
            autoComplete="off"
            error={act.errors.pin}
          />
        )}
        <Buttons
          submit={officer ? w("save") : w("officerAdd")}
          busy={act.busy}
          cancel={w("cancel")}
          onCancel={officer ? onCancel : undefined}
        />
      </form>
    </section>
  );
}

/** A row problem of an import, in the reader's words. */
function rowProblem(code: string | null, error: string | null, w: (k: ManageKey) => string, locale: "id" | "en") {
  if (!code) return error ?? "";
  if (code in NIP_PROBLEMS) return NIP_PROBLEMS[code as keyof typeof NIP_PROBLEMS][locale];
  const key = `import_${code}` as ManageKey;
  return w(key) || (error ?? code);
}

/** Import from a CSV: check first (nothing is written), then add every row at once. */
function Import({ slug, onImported }: { slug: string; onImported: () => void }) {
  const { w, locale } = useWords();
  const act = useAction();
  const [csv, setCsv] = useState("");
  const [preview, setPreview] = useState<OfficerImport | null>(null);
  const bad = preview?.rows.filter((r) => r.code !== null).length ?? 0;
  const send = (commit: boolean) =>
    api<OfficerImport>(`/agencies/${slug}/officers/import`, { method: "POST", body: { csv, commit } });
  return (
    <section class="card" aria-labelledby="officer-import">
      <h2 id="officer-import">{w("importTitle")}</h2>
      <p class="muted">{w("importAbout")}</p>
      <Outcome action={act} />
      <form
        class="stack"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const checked = await act.run(() => send(false), {
            check: { csv: when(!csv.trim(), w("importEmpty")) },
          });
          setPreview(checked ?? null);
        }}
      >
        <div class="field">
          <label for="import-file">{w("importFile")}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={async (event) => {
              const file = event.currentTarget.files?.[0];
              if (file) {
                setCsv(await file.text());
                setPreview(null);
              }
            }}
          />
        </div>
        <TextArea
          id="import-csv"
          label={w("importText")}
          error={act.errors.csv}
          rows={6}
          value={csv}
          placeholder={"nip,nama,jabatan\n198803122010012004,Siti Rahma,Pengelola Data"}
          onInput={(event) => {
            setCsv(event.currentTarget.value);
            setPreview(null);
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
            {bad ? w("importBad", { bad, all: preview.rows.length }) : w("importGood", { all: preview.rows.length })}
          </p>
          <Table columns={[w("line"), w("nip"), w("name"), w("position"), w("check")]}>
            {preview.rows.map((r) => (
              <tr key={r.line} class={r.code ? "row-bad" : undefined}>
                <td>{r.line}</td>
                <td>
                  <code>{r.nip}</code>
                </td>
                <th scope="row">{r.name}</th>
                <td>{r.position}</td>
                <td>{r.code ? `✗ ${rowProblem(r.code, r.error, w, locale)}` : `✓ ${w("rowOk")}`}</td>
              </tr>
            ))}
          </Table>
          <button
            type="button"
            class="primary"
            disabled={act.busy || bad > 0 || preview.rows.length === 0}
            onClick={async () => {
              const done = await act.run(() => send(true));
              if (!done) return;
              if (done.created === 0) {
                setPreview(done);
                return;
              }
              setPreview(null);
              setCsv("");
              await act.run(async () => undefined, { done: w("imported", { n: done.created }) });
              onImported();
            }}
          >
            {w("importCommit", { n: preview.rows.length })}
          </button>
        </>
      ) : null}
    </section>
  );
}
