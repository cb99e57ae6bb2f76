/**
 * The widget: the origins (sites) allowed to send ratings, a copy-paste snippet
 * for each service, and a live preview of <suara-rating> (which sends nothing).
 */
import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { ServiceRow, Setup } from "../../../core/responses.ts";
import { originProblem } from "../../../core/urls.ts";
import { api } from "../../api.ts";
import { Outcome, onValues, RowButton, useAction } from "../../components/action.tsx";
import { Choice, Field } from "../../components/fields.tsx";
import { Empty, Load } from "../../components/states.tsx";
import { useAll } from "../../use-api.ts";
import { ManageFrame } from "./frame.tsx";
import { useWords } from "./use-words.ts";

declare module "preact" {
  namespace JSX {
    interface IntrinsicElements {
      "suara-rating": { agency: string; service: string; locale?: string; preview?: boolean };
    }
  }
}

/** The widget page. */
export function WidgetPage() {
  const { slug } = useRoute().params;
  const { w } = useWords();
  const loaded = useAll<{ origins: { origins: string[] }; services: { services: ServiceRow[] }; setup: Setup }>({
    origins: `/agencies/${slug}/origins`,
    services: `/agencies/${slug}/services`,
    setup: `/agencies/${slug}/setup`,
  });
  return (
    <ManageFrame slug={slug} title={w("widgetTitle")}>
      <Load loaded={loaded}>
        {({ origins: { origins }, services: { services }, setup }) => (
          <>
            <Origins slug={slug} origins={origins} onChange={loaded.retry} />
            <Snippets
              slug={slug}
              services={services.filter((s) => s.archivedAt === null)}
              publicUrl={setup.publicUrl}
            />
          </>
        )}
      </Load>
    </ManageFrame>
  );
}

/** The registered origins: add one, remove one; the API gets the whole list each time. */
export function Origins({ slug, origins, onChange }: { slug: string; origins: string[]; onChange: () => void }) {
  const { w } = useWords();
  const act = useAction();
  const save = (list: string[]) =>
    api<{ origins: string[] }>(`/agencies/${slug}/origins`, { method: "PUT", body: { origins: list } });
  return (
    <section class="card" aria-labelledby="origins-title">
      <h1 id="origins-title">{w("widgetTitle")}</h1>
      <p class="muted">{w("originsAbout")}</p>
      <Outcome action={act} />
      {origins.length === 0 ? (
        <Empty>{w("originsEmpty")}</Empty>
      ) : (
        <ul class="plain-list">
          {origins.map((o) => (
            <li key={o}>
              <code>{o}</code>{" "}
              <RowButton
                act={act}
                text={w("remove")}
                label={w("removeOf", { name: o })}
                ask={w("originRemoveConfirm", { name: o })}
                done={w("originRemoved", { name: o })}
                call={() => save(origins.filter((x) => x !== o))}
                onDone={onChange}
              />
            </li>
          ))}
        </ul>
      )}
      <form
        class="row"
        noValidate
        onSubmit={onValues(async (v, form) => {
          const origin = v.origin.replace(/\/+$/, "");
          const problem = originProblem(origin);
          const done = await act.run(() => save([...origins, origin]), {
            check: {
              origin: problem ? w(`origin_${problem}`) : origins.includes(origin) ? w("originThere") : "",
            },
            done: w("originAdded", { name: origin }),
          });
          if (done) {
            form.reset();
            onChange();
          }
        })}
      >
        <Field
          form="origin"
          name="origin"
          label={w("originLabel")}
          hint={w("originHint")}
          placeholder="https://www.contoh.go.id"
          inputMode="url"
          error={act.errors.origin ?? act.errors.origins}
        />
        <div class="field">
          <button type="submit" class="primary" disabled={act.busy}>
            {w("originAdd")}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A snippet per service, a copy button, and the widget itself as a preview. */
function Snippets({ slug, services, publicUrl }: { slug: string; services: ServiceRow[]; publicUrl: string }) {
  const { w, locale } = useWords();
  const [picked, setPicked] = useState(services[0]?.slug ?? "");
  const [copied, setCopied] = useState("");
  // The widget's module, from this server, once: the preview is the real element.
  useEffect(() => {
    if (document.querySelector("script[data-suara-widget]")) return;
    const script = document.createElement("script");
    script.type = "module";
    script.src = "/widget/suara.js";
    script.dataset.suaraWidget = "";
    document.head.append(script);
  }, []);
  if (services.length === 0) {
    return (
      <section class="card" aria-labelledby="snippets-title">
        <h2 id="snippets-title">{w("snippetsTitle")}</h2>
        <Empty>{w("snippetsNeedService")}</Empty>
      </section>
    );
  }
  const snippet = (service: string) =>
    `<script type="module" src="${publicUrl}/widget/suara.js"></script>\n<suara-rating agency="${slug}" service="${service}"></suara-rating>`;
  return (
    <section class="card" aria-labelledby="snippets-title">
      <h2 id="snippets-title">{w("snippetsTitle")}</h2>
      <p class="muted">{w("snippetsAbout")}</p>
      {services.map((s) => (
        <div key={s.id} class="snippet">
          <h3 id={`snippet-${s.slug}`}>{s.name}</h3>
          <pre>
            <code>{snippet(s.slug)}</code>
          </pre>
          <button
            type="button"
            class="secondary small"
            aria-label={w("copyOf", { name: s.name })}
            onClick={async () => {
              await navigator.clipboard?.writeText(snippet(s.slug)).catch(() => undefined);
              setCopied(s.slug);
            }}
          >
            {copied === s.slug ? w("copied") : w("copy")}
          </button>
        </div>
      ))}
      <h3>{w("previewTitle")}</h3>
      <Choice
        form="preview"
        name="service"
        label={w("previewService")}
        value={picked}
        onChange={(e) => setPicked(e.currentTarget.value)}
        options={services.map((s) => [s.slug, s.name])}
      />
      <p class="muted">{w("previewAbout")}</p>
      <div class="preview" key={picked}>
        <suara-rating agency={slug} service={picked} locale={locale} preview />
      </div>
    </section>
  );
}
