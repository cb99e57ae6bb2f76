/**
 * The widget: the origins (sites) allowed to send ratings, and the copy-paste
 * snippet of each kind of embed (inline, mode="skm", floating, English, the IKM
 * badge) with a live preview of the chosen one (a rating preview sends nothing).
 */
import { useEffect, useRef, useState } from "preact/hooks";
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
      "suara-rating": {
        agency: string;
        service: string;
        locale?: string;
        mode?: string;
        display?: string;
        preview?: boolean;
      };
      "suara-ikm-badge": { agency: string; locale?: string };
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

/** The kinds of embed a site can paste: the rating in its modes, and the IKM badge. */
const KINDS = ["inline", "skm", "floating", "english", "badge"] as const;
type Kind = (typeof KINDS)[number];

/** The attributes each kind of <suara-rating> adds to the basic tag (README.md, "The widget (agency websites)"). */
const RATING_ATTRIBUTES: Record<Exclude<Kind, "badge">, Record<string, string>> = {
  inline: {},
  skm: { mode: "skm" },
  floating: { display: "floating" },
  english: { locale: "en" },
};

/** The copy-paste code of a kind for an agency (and a service, for the rating). */
function snippetOf(kind: Kind, publicUrl: string, agency: string, service: string): string {
  if (kind === "badge") {
    return `<script type="module" src="${publicUrl}/widget/badge.js"></script>\n<suara-ikm-badge agency="${agency}"></suara-ikm-badge>`;
  }
  const extra = Object.entries(RATING_ATTRIBUTES[kind]).map(([name, value]) => ` ${name}="${value}"`);
  return `<script type="module" src="${publicUrl}/widget/suara.js"></script>\n<suara-rating agency="${agency}" service="${service}"${extra.join("")}></suara-rating>`;
}

/** Loads one of the widget's modules from this server, once: the preview is the real element. */
function useWidgetModule(src: string) {
  useEffect(() => {
    if (document.querySelector(`script[src="${src}"]`)) return;
    const script = document.createElement("script");
    script.type = "module";
    script.src = src;
    document.head.append(script);
  }, [src]);
}

/**
 * The snippet of the kind chosen (a radio group: inline, mode="skm", floating, English, the badge)
 * for the service chosen, a copy button that says in a status line whether it copied, and the real
 * element as a preview. The rating's preview sends nothing (`preview`); the badge only reads.
 */
function Snippets({ slug, services, publicUrl }: { slug: string; services: ServiceRow[]; publicUrl: string }) {
  const { w, locale } = useWords();
  const [kind, setKind] = useState<Kind>("inline");
  const [service, setService] = useState(services[0]?.slug ?? "");
  const [note, setNote] = useState("");
  const code = useRef<HTMLElement>(null);
  useWidgetModule(kind === "badge" ? "/widget/badge.js" : "/widget/suara.js");
  const name = w(`snippet_${kind}`);
  const needsService = kind !== "badge" && services.length === 0;
  const snippet = snippetOf(kind, publicUrl, slug, service);
  const pick = (next: Kind) => {
    setKind(next);
    setNote("");
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setNote(w("copiedOf", { kind: name }));
    } catch {
      // No clipboard (plain http on a LAN address) or no permission: select the code for Ctrl+C.
      if (code.current) getSelection()?.selectAllChildren(code.current);
      setNote(w("copyFailed"));
    }
  };
  return (
    <section class="card snippets" aria-labelledby="snippets-title">
      <h2 id="snippets-title">{w("snippetsTitle")}</h2>
      <p class="muted">{w("snippetsAbout")}</p>
      <fieldset class="choices">
        <legend>{w("snippetKind")}</legend>
        {KINDS.map((k) => (
          <div key={k} class="kind">
            <label>
              <input
                type="radio"
                name="snippet-kind"
                value={k}
                checked={kind === k}
                aria-describedby={`snippet-${k}-about`}
                onChange={() => pick(k)}
              />
              {w(`snippet_${k}`)}
            </label>
            <p id={`snippet-${k}-about`} class="hint">
              {w(`snippet_${k}About`)}
            </p>
          </div>
        ))}
      </fieldset>
      {needsService ? (
        <Empty>{w("snippetsNeedService")}</Empty>
      ) : (
        <>
          {kind === "badge" ? null : (
            <Choice
              form="snippet"
              name="service"
              label={w("previewService")}
              value={service}
              onChange={(e) => {
                setService(e.currentTarget.value);
                setNote("");
              }}
              options={services.map((s) => [s.slug, s.name])}
            />
          )}
          <section class="snippet" aria-labelledby="snippet-code-title">
            <h3 id="snippet-code-title">{w("snippetCode", { kind: name })}</h3>
            <pre>
              <code ref={code}>{snippet}</code>
            </pre>
            <button type="button" class="secondary small" aria-label={w("copyOf", { kind: name })} onClick={copy}>
              {w("copy")}
            </button>
            <p role="status" class="copy-note">
              {note}
            </p>
          </section>
          <section aria-labelledby="snippet-preview-title">
            <h3 id="snippet-preview-title">{w("previewTitle", { kind: name })}</h3>
            <p class="muted">{w(kind === "badge" ? "previewBadgeAbout" : "previewAbout")}</p>
            <div class="preview" key={`${kind} ${service}`}>
              {kind === "badge" ? (
                <suara-ikm-badge agency={slug} locale={locale} />
              ) : (
                <suara-rating agency={slug} service={service} locale={locale} preview {...RATING_ATTRIBUTES[kind]} />
              )}
            </div>
          </section>
        </>
      )}
    </section>
  );
}
