/** Services (jenis layanan): add, rename, archive. Archived ones leave the kiosk and the widget; their ratings stay. */
import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { SLUG, SLUG_MAX, slugify } from "../../../core/patterns.ts";
import type { ServiceRow } from "../../../core/responses.ts";
import { api } from "../../api.ts";
import { Outcome, onValues, RowButton, useAction, when } from "../../components/action.tsx";
import { Field } from "../../components/fields.tsx";
import { Empty, Load } from "../../components/states.tsx";
import { Table } from "../../components/table.tsx";
import { useApi } from "../../use-api.ts";
import { ManageFrame } from "./frame.tsx";
import { useWords } from "./use-words.ts";

/** The services page. */
export function ServicesPage() {
  const { slug } = useRoute().params;
  const { w } = useWords();
  const loaded = useApi<{ services: ServiceRow[] }>(`/agencies/${slug}/services`);
  const add = useAction();
  return (
    <ManageFrame slug={slug} title={w("servicesTitle")}>
      <section class="card" aria-labelledby="services-title">
        <h1 id="services-title">{w("servicesTitle")}</h1>
        <p class="muted">{w("servicesAbout")}</p>
        <Load loaded={loaded}>
          {({ services }) =>
            services.length === 0 ? (
              <Empty>{w("servicesEmpty")}</Empty>
            ) : (
              <Table columns={[w("name"), w("slug"), w("status"), w("actions")]}>
                {services.map((s) => (
                  <ServiceRowView key={s.id} slug={slug} service={s} onChange={loaded.retry} />
                ))}
              </Table>
            )
          }
        </Load>
      </section>
      <section class="card" aria-labelledby="service-add">
        <h2 id="service-add">{w("serviceAdd")}</h2>
        <Outcome action={add} />
        <form
          class="stack"
          noValidate
          onSubmit={onValues(async (v, form) => {
            const made = await add.run(
              () => api(`/agencies/${slug}/services`, { method: "POST", body: { name: v.name, slug: v.slug } }),
              {
                check: { name: when(!v.name, w("required")), slug: when(!SLUG.test(v.slug), w("slugRule")) },
                clash: "slug",
                done: w("serviceAdded", { name: v.name }),
              },
            );
            if (made) {
              form.reset();
              loaded.retry();
            }
          })}
        >
          <NameAndSlug form="service" nameLabel={w("serviceName")} nameMax={120} errors={add.errors} />
          <div>
            <button type="submit" class="primary" disabled={add.busy}>
              {w("serviceAdd")}
            </button>
          </div>
        </form>
      </section>
    </ManageFrame>
  );
}

/**
 * A name and its slug, which is made from the name as it is typed ("KTP Elektronik" → "ktp-elektronik")
 * and may then be changed; the slug field keeps no state of its own, so `form.reset()` clears both.
 */
export function NameAndSlug({
  form,
  nameLabel,
  nameMax,
  errors,
  hint = "slugHint",
}: {
  form: string;
  nameLabel: string;
  nameMax: number;
  errors: Record<string, string>;
  /** The hint under the slug, with an example of its kind (a service's by default). */
  hint?: "slugHint" | "slugHintAgency";
}) {
  const { w } = useWords();
  return (
    <>
      <Field
        form={form}
        name="name"
        label={nameLabel}
        error={errors.name}
        maxLength={nameMax}
        onInput={(e) => {
          const slug = e.currentTarget.form?.elements.namedItem("slug") as HTMLInputElement;
          slug.value = slugify(e.currentTarget.value);
        }}
      />
      <Field form={form} name="slug" label={w("slug")} hint={w(hint)} error={errors.slug} maxLength={SLUG_MAX} />
    </>
  );
}

/** One service: its name (renamed in place), its slug, archived or not. */
function ServiceRowView({ slug, service, onChange }: { slug: string; service: ServiceRow; onChange: () => void }) {
  const { w } = useWords();
  const [editing, setEditing] = useState(false);
  const act = useAction();
  const archived = service.archivedAt !== null;
  return (
    <tr class={archived ? "archived" : undefined}>
      <th scope="row">
        {editing ? (
          <form
            class="inline-form"
            noValidate
            onSubmit={onValues(async ({ name }) => {
              const done = await act.run(
                () => api(`/agencies/${slug}/services/${service.id}`, { method: "PATCH", body: { name } }),
                { check: { name: when(!name, w("required")) } },
              );
              if (done) {
                setEditing(false);
                onChange();
              }
            })}
          >
            <Field
              form={`rename-${service.id}`}
              name="name"
              label={w("newName")}
              defaultValue={service.name}
              error={act.errors.name}
              maxLength={120}
            />
            <button type="submit" class="primary small" disabled={act.busy}>
              {w("save")}
            </button>
            <button type="button" class="secondary small" onClick={() => setEditing(false)}>
              {w("cancel")}
            </button>
          </form>
        ) : (
          service.name
        )}
        <Outcome action={act} />
      </th>
      <td>
        <code>{service.slug}</code>
      </td>
      <td>{archived ? w("archived") : w("active")}</td>
      <td class="actions">
        {archived || editing ? null : (
          <>
            <button
              type="button"
              class="secondary small"
              aria-label={w("renameOf", { name: service.name })}
              onClick={() => setEditing(true)}
            >
              {w("rename")}
            </button>
            <RowButton
              act={act}
              text={w("archive")}
              label={w("archiveOf", { name: service.name })}
              ask={w("serviceArchiveConfirm", { name: service.name })}
              call={() => api(`/agencies/${slug}/services/${service.id}`, { method: "DELETE" })}
              onDone={onChange}
            />
          </>
        )}
      </td>
    </tr>
  );
}
