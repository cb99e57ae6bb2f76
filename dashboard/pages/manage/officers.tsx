/**
 * Officers (petugas): add with a checked NIP, or many at once from an .xlsx or CSV
 * file (officer-import.tsx); see who has a kiosk PIN; change name and
 * position; deactivate (which ends an open duty); set a new kiosk PIN and the
 * sign-in password, each shown once.
 */
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { NIP_PROBLEMS, nipCheck } from "../../../core/nip.ts";
import { PIN } from "../../../core/patterns.ts";
import type { OfficerRow, UserRow } from "../../../core/responses.ts";
import { madePassword, madePin } from "../../../core/secrets.ts";
import { api } from "../../api.ts";
import { Outcome, onValues, RowButton, useAction, when } from "../../components/action.tsx";
import { Buttons, Field } from "../../components/fields.tsx";
import { Secret, type Shown } from "../../components/secret.tsx";
import { Empty, Load } from "../../components/states.tsx";
import { Table } from "../../components/table.tsx";
import { useAll } from "../../use-api.ts";
import { ManageFrame } from "./frame.tsx";
import { OfficerImportCard } from "./officer-import.tsx";
import { useWords } from "./use-words.ts";

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
              <Table
                columns={[w("nip"), w("name"), w("position"), w("status"), w("officerPin"), w("account"), w("actions")]}
              >
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
      <OfficerImportCard slug={slug} onImported={loaded.retry} />
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
      <td>{o.hasPin ? w("pinSet") : w("pinUnset")}</td>
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
            if (!(await act.run(() => patch({ pin })))) return;
            onShow({ label: w("pinFor", { name: o.name }), value: pin, note: w("shownOnce") });
            onChange();
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
