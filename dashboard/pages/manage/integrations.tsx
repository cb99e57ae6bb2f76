/**
 * Kelola → Integrasi: the agency's keys for its queue systems. A new named key is
 * shown once in a read-only field to copy; the list shows when each was made and
 * last used, and revokes; an example of the queue system's call uses the agency's
 * own service and counter codes.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { IntegrationKeyCreated, IntegrationKeys } from "../../../core/duty-responses.ts";
import type { Form, Setup } from "../../../core/responses.ts";
import { api } from "../../api.ts";
import { Outcome, onValues, RowButton, useAction, when } from "../../components/action.tsx";
import { Field } from "../../components/fields.tsx";
import { Empty, Load } from "../../components/states.tsx";
import { Table } from "../../components/table.tsx";
import { dateTime } from "../../format.ts";
import { useAll } from "../../use-api.ts";
import { useZone } from "../../use-zone.ts";
import { ManageFrame } from "./frame.tsx";
import { QueueExample } from "./queue-example.tsx";
import { useWords } from "./use-words.ts";

type Key = IntegrationKeys["keys"][number];

/** The integrations page. */
export function IntegrationsPage() {
  const { slug } = useRoute().params;
  const { w } = useWords();
  const loaded = useAll<{ keys: IntegrationKeys; form: Form; setup: Setup }>({
    keys: `/agencies/${slug}/integration-keys`,
    form: `/agencies/${slug}/form`,
    setup: `/agencies/${slug}/setup`,
  });
  const [made, setMade] = useState<IntegrationKeyCreated | null>(null);
  const add = useAction();
  return (
    <ManageFrame slug={slug} title={w("integrationsTitle")}>
      <section class="card" aria-labelledby="integrations-title">
        <h1 id="integrations-title">{w("integrationsTitle")}</h1>
        <p class="muted">{w("integrationsAbout")}</p>
        <Outcome action={add} />
        <form
          class="row"
          noValidate
          onSubmit={onValues(async ({ name }, form) => {
            const key = await add.run(
              () =>
                api<IntegrationKeyCreated>(`/agencies/${slug}/integration-keys`, { method: "POST", body: { name } }),
              { check: { name: when(!name, w("required")) }, done: w("keyAdded", { name }) },
            );
            if (key) {
              setMade(key);
              form.reset();
              loaded.retry();
            }
          })}
        >
          <Field
            form="key"
            name="name"
            label={w("keyName")}
            hint={w("keyNameHint")}
            error={add.errors.name}
            maxLength={120}
          />
          <div class="field">
            <button type="submit" class="primary" disabled={add.busy}>
              {w("keyAdd")}
            </button>
          </div>
        </form>
      </section>
      {made ? (
        <ShownKey
          made={made}
          onClose={() => {
            setMade(null);
            // Back to the form, for the next key.
            document.getElementById("key-name")?.focus();
          }}
        />
      ) : null}
      <Load loaded={loaded}>
        {({ keys: { keys }, form, setup }) => (
          <>
            <section class="card" aria-labelledby="keys-list">
              <h2 id="keys-list">{w("keysList")}</h2>
              {keys.length === 0 ? (
                <Empty>{w("keysEmpty")}</Empty>
              ) : (
                <Table columns={[w("name"), w("made"), w("lastUsed"), w("status"), w("actions")]}>
                  {keys.map((k) => (
                    <KeyLine key={k.id} slug={slug} item={k} onChange={loaded.retry} />
                  ))}
                </Table>
              )}
            </section>
            <QueueExample form={form} publicUrl={setup.publicUrl} />
          </>
        )}
      </Load>
    </ManageFrame>
  );
}

/** One key: its name, when made and last used, whether revoked, and the revoke button. */
function KeyLine({ slug, item: k, onChange }: { slug: string; item: Key; onChange: () => void }) {
  const { w, locale } = useWords();
  const act = useAction();
  const zone = useZone(slug);
  const at = (ms: number) => dateTime(new Date(ms).toISOString(), locale, zone);
  return (
    <tr class={k.revokedAt !== null ? "archived" : undefined}>
      <th scope="row">{k.name}</th>
      <td>{at(k.createdAt)}</td>
      <td>{k.lastUsedAt === null ? w("never") : at(k.lastUsedAt)}</td>
      <td>{k.revokedAt === null ? w("active") : w("keyRevokedAt", { time: at(k.revokedAt) })}</td>
      <td class="actions">
        {k.revokedAt === null ? (
          <RowButton
            act={act}
            text={w("revoke")}
            label={w("revokeOf", { name: k.name })}
            ask={w("keyRevokeConfirm", { name: k.name })}
            done={w("keyRevoked", { name: k.name })}
            call={() => api(`/agencies/${slug}/integration-keys/${k.id}`, { method: "DELETE" })}
            onDone={onChange}
          />
        ) : null}
        <Outcome action={act} />
      </td>
    </tr>
  );
}

/** A new key, shown once: a read-only field to copy it from, and the warning that it will not be shown again. */
function ShownKey({ made, onClose }: { made: IntegrationKeyCreated; onClose: () => void }) {
  const { w } = useWords();
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  // Focus lands on the key, selected, so it can be copied at once.
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [made]);
  return (
    <section class="card pairing" aria-labelledby="key-shown">
      <h2 id="key-shown">{w("keyShownTitle", { name: made.key.name })}</h2>
      <p class="warning" id="key-once">
        {w("keyShownOnce")}
      </p>
      <div class="row">
        <div class="field secret-field">
          <label for="key-secret">{w("keyLabel", { name: made.key.name })}</label>
          {/* A textarea, so a narrow screen wraps the key instead of hiding its start. */}
          <textarea
            id="key-secret"
            ref={field}
            class="secret-value"
            readOnly
            rows={2}
            value={made.secret}
            aria-describedby="key-once"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
        <div class="field buttons">
          <button
            type="button"
            class="secondary"
            onClick={async () => {
              field.current?.select();
              await navigator.clipboard?.writeText(made.secret).catch(() => undefined);
              setCopied(true);
            }}
          >
            {copied ? w("copied") : w("copy")}
          </button>
          <button type="button" class="secondary" onClick={onClose}>
            {w("close")}
          </button>
        </div>
      </div>
    </section>
  );
}
