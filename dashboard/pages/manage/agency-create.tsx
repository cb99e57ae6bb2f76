/** A regional admin adds an agency of their region and its first admin in one step; the password is shown once. */
import { useContext, useState } from "preact/hooks";
import { EMAIL, SLUG } from "../../../core/patterns.ts";
import { madePassword } from "../../../core/secrets.ts";
import { api } from "../../api.ts";
import { Outcome, onValues, useAction, when } from "../../components/action.tsx";
import { Choice, Field } from "../../components/fields.tsx";
import { Secret } from "../../components/secret.tsx";
import { Session } from "../../context.ts";
import { NameAndSlug } from "./services.tsx";
import { useWords } from "./use-words.ts";

const ZONES = [
  ["Asia/Jakarta", "WIB"],
  ["Asia/Makassar", "WITA"],
  ["Asia/Jayapura", "WIT"],
] as const;

/** The "add an agency" card of the region page. */
export function AgencyCreate({ onCreated }: { onCreated: () => void }) {
  const { w } = useWords();
  const region = useContext(Session).me.value?.user.region ?? "";
  const act = useAction();
  const [made, setMade] = useState<{ slug: string; name: string; email: string; password: string } | null>(null);
  return (
    <section class="card" aria-labelledby="agency-add">
      <h2 id="agency-add">{w("agencyAdd")}</h2>
      <p class="muted">{w("agencyAddAbout", { region })}</p>
      <Outcome action={act} />
      {made ? (
        <>
          <Secret
            label={w("passwordFor", { name: made.name, id: made.email })}
            value={made.password}
            note={w("shownOnce")}
          />
          <p>
            <a href={`/dashboard/a/${made.slug}/setup`}>{w("agencyOpenSetup")}</a>
          </p>
        </>
      ) : null}
      <form
        class="stack"
        noValidate
        onSubmit={onValues(async (v, form) => {
          const password = madePassword();
          const done = await act.run(
            () =>
              api("/agencies", {
                method: "POST",
                body: {
                  slug: v.slug,
                  name: v.name,
                  timezone: v.timezone,
                  admin: { name: v.adminName, email: v.adminEmail, password },
                },
              }),
            {
              check: {
                name: when(!v.name, w("required")),
                slug: when(!SLUG.test(v.slug), w("slugRule")),
                adminName: when(!v.adminName, w("required")),
                adminEmail: when(!EMAIL.test(v.adminEmail), w("emailRule")),
              },
              clash: "slug",
              done: w("agencyAdded", { name: v.name }),
            },
          );
          if (!done) return;
          setMade({ slug: v.slug, name: v.adminName, email: v.adminEmail.toLowerCase(), password });
          form.reset();
          onCreated();
        })}
      >
        <div class="row">
          <NameAndSlug
            form="agency"
            nameLabel={w("agencyName")}
            nameMax={200}
            errors={act.errors}
            hint="slugHintAgency"
          />
        </div>
        <div class="row">
          <Field form="agency" name="region" label={w("region")} value={region} readOnly />
          <Choice
            form="agency"
            name="timezone"
            label={w("timezone")}
            error={act.errors.timezone}
            options={ZONES.map(([zone, short]) => [zone, `${short} (${zone})`])}
          />
        </div>
        <fieldset class="group">
          <legend>{w("firstAdmin")}</legend>
          <div class="row">
            <Field form="agency" name="adminName" label={w("name")} error={act.errors.admin ?? act.errors.adminName} />
            <Field form="agency" name="adminEmail" type="email" label={w("email")} error={act.errors.adminEmail} />
          </div>
        </fieldset>
        <div>
          <button type="submit" class="primary" disabled={act.busy}>
            {w("agencyAdd")}
          </button>
        </div>
      </form>
    </section>
  );
}
