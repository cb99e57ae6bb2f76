/**
 * Sign-in accounts and their roles: agency admins and supervisors sign in with
 * an e-mail; officers with their NIP (their accounts are made on the officers
 * page). New passwords are made here (or reset by the server) and shown once; they are temporary.
 */
import { useContext, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { EMAIL } from "../../../core/patterns.ts";
import type { OfficerRow, UserRow } from "../../../core/responses.ts";
import { madePassword } from "../../../core/secrets.ts";
import { sayAccount } from "../../account-words.ts";
import { api } from "../../api.ts";
import { Outcome, onValues, RowButton, useAction, when } from "../../components/action.tsx";
import { Choice, Field } from "../../components/fields.tsx";
import { Secret, type Shown } from "../../components/secret.tsx";
import { Load } from "../../components/states.tsx";
import { Table } from "../../components/table.tsx";
import { Session } from "../../context.ts";
import { type TextKey, text } from "../../text.ts";
import { useAll } from "../../use-api.ts";
import { ManageFrame } from "./frame.tsx";
import { useWords } from "./use-words.ts";

/** The accounts page. */
export function AccountsPage() {
  const { slug } = useRoute().params;
  const { w } = useWords();
  const loaded = useAll<{ users: { users: UserRow[] }; officers: { officers: OfficerRow[] } }>({
    users: `/agencies/${slug}/users`,
    officers: `/agencies/${slug}/officers`,
  });
  const [shown, setShown] = useState<Shown | null>(null);
  const add = useAction();
  return (
    <ManageFrame slug={slug} title={w("accountsTitle")}>
      <section class="card" aria-labelledby="accounts-title">
        <h1 id="accounts-title">{w("accountsTitle")}</h1>
        <p class="muted">{w("accountsAbout")}</p>
        {shown ? <Secret {...shown} /> : null}
        <Load loaded={loaded}>
          {({ users: { users }, officers: { officers } }) => (
            <Table columns={[w("name"), w("signsInWith"), w("role"), w("actions")]}>
              {users.map((u) => (
                <AccountLine
                  key={u.id}
                  slug={slug}
                  user={u}
                  nip={officers.find((o) => o.id === u.officerId)?.nip}
                  onShow={setShown}
                  onChange={loaded.retry}
                />
              ))}
            </Table>
          )}
        </Load>
      </section>
      <section class="card" aria-labelledby="account-add">
        <h2 id="account-add">{w("accountAdd")}</h2>
        <p class="muted">{w("accountAddAbout")}</p>
        <Outcome action={add} />
        <form
          class="stack"
          noValidate
          onSubmit={onValues(async (v, form) => {
            const password = madePassword();
            const made = await add.run(
              () =>
                api(`/agencies/${slug}/users`, {
                  method: "POST",
                  body: { name: v.name, email: v.email, role: v.role, password },
                }),
              {
                check: { name: when(!v.name, w("required")), email: when(!EMAIL.test(v.email), w("emailRule")) },
                clash: "email",
                done: w("accountAdded", { name: v.name }),
              },
            );
            if (made) {
              setShown({
                label: w("passwordFor", { name: v.name, id: v.email }),
                value: password,
                note: w("passwordShownOnce"),
              });
              form.reset();
              loaded.retry();
            }
          })}
        >
          <div class="row">
            <Field form="account" name="name" label={w("name")} error={add.errors.name} maxLength={120} />
            <Field form="account" name="email" type="email" label={w("email")} error={add.errors.email} />
            <RoleChoice form="account" error={add.errors.role} />
          </div>
          <div>
            <button type="submit" class="primary" disabled={add.busy}>
              {w("accountAdd")}
            </button>
          </div>
        </form>
      </section>
    </ManageFrame>
  );
}

/** A role picker; officers' accounts may also be given the officer role. */
function RoleChoice({
  form,
  error,
  value,
  officer = false,
  disabled = false,
  label,
  onChange,
}: {
  label?: string;
  form: string;
  error?: string;
  value?: string;
  officer?: boolean;
  disabled?: boolean;
  onChange?: (role: string) => void;
}) {
  const { w } = useWords();
  const locale = useContext(Session).locale.value;
  const roles = officer ? ["officer", "supervisor", "agency_admin"] : ["supervisor", "agency_admin"];
  return (
    <Choice
      form={form}
      name="role"
      label={label ?? w("role")}
      hideLabel={Boolean(label)}
      error={error}
      value={value}
      disabled={disabled}
      onChange={onChange && ((e) => onChange(e.currentTarget.value))}
      options={roles.map((r) => [r, text(locale, `roles_${r}` as TextKey)])}
    />
  );
}

function AccountLine({
  slug,
  user: u,
  nip,
  onShow,
  onChange,
}: {
  slug: string;
  user: UserRow;
  nip?: string;
  onShow: (shown: Shown) => void;
  onChange: () => void;
}) {
  const { w } = useWords();
  const me = useContext(Session).me.value!;
  const act = useAction();
  const self = u.id === me.user.id;
  const locale = useContext(Session).locale.value;
  const login = u.email ?? nip ?? "–";
  return (
    <tr>
      <th scope="row">
        {u.name}
        {self ? ` (${w("you")})` : ""}
      </th>
      <td>
        <code>{login}</code>
        {u.passwordTemporary ? <span class="muted"> ({sayAccount(locale, "temporary")})</span> : null}
      </td>
      <td>
        <RoleChoice
          form={`role-${u.id}`}
          value={u.role}
          officer={Boolean(u.officerId)}
          label={w("roleOf", { name: u.name })}
          // Nobody takes their own admin role away by a slip of the mouse.
          disabled={self}
          error={act.errors.role}
          onChange={async (role) => {
            if (
              await act.run(() => api(`/agencies/${slug}/users/${u.id}`, { method: "PATCH", body: { role } }), {
                done: w("roleChanged", { name: u.name }),
              })
            )
              onChange();
          }}
        />
      </td>
      <td class="actions">
        {self ? (
          // One's own password is changed knowing the current one, not reset.
          <a class="button secondary small" href="/dashboard/password">
            {sayAccount(locale, "changePassword")}
          </a>
        ) : (
          <button
            type="button"
            class="secondary small"
            aria-label={w("newPasswordOf", { name: u.name })}
            disabled={act.busy}
            onClick={async () => {
              const reset = await act.run(() =>
                api<{ password: string }>(`/agencies/${slug}/users/${u.id}/password-reset`, { method: "POST" }),
              );
              if (reset)
                onShow({
                  label: w("passwordFor", { name: u.name, id: login }),
                  value: reset.password,
                  note: w("passwordShownOnce"),
                });
            }}
          >
            {w("newPassword")}
          </button>
        )}
        {self ? null : (
          <RowButton
            act={act}
            text={w("delete")}
            label={w("deleteOf", { name: u.name })}
            ask={w("deleteConfirm", { name: u.name })}
            call={() => api(`/agencies/${slug}/users/${u.id}`, { method: "DELETE" })}
            onDone={onChange}
          />
        )}
        <Outcome action={act} />
      </td>
    </tr>
  );
}
