/**
 * Kelola → Peringatan (docs/design.md, "Alerts"): the agency's alert rules (each on or off, low faces'
 * N and M within their bounds; the defaults until an admin saves), its webhook (the URL, and a secret
 * that is written, never read back) and the delivery log with every try.
 */
import { useRoute } from "preact-iso";
import type { AlertRules, Webhook } from "../../../core/alert-contract.ts";
import { isWebhookUrl, LOW_FACES_BOUNDS } from "../../../core/alerts.ts";
import { ruleWords, sayAlert } from "../../alert-words.ts";
import { api } from "../../api.ts";
import { Outcome, onValues, RowButton, useAction, when } from "../../components/action.tsx";
import { Buttons, Field } from "../../components/fields.tsx";
import { Empty, Load } from "../../components/states.tsx";
import { Table } from "../../components/table.tsx";
import { dateTime } from "../../format.ts";
import { useAll } from "../../use-api.ts";
import { useZone } from "../../use-zone.ts";
import { ManageFrame } from "./frame.tsx";
import { useWords } from "./use-words.ts";

/** The alert settings page. */
export function AlertsPage() {
  const { slug } = useRoute().params;
  const { locale } = useWords();
  const loaded = useAll<{ rules: AlertRules; webhook: Webhook }>({
    rules: `/agencies/${slug}/alert-rules`,
    webhook: `/agencies/${slug}/webhook`,
  });
  return (
    <ManageFrame slug={slug} title={sayAlert(locale, "alertsTitle")}>
      <section class="card" aria-labelledby="alerts-title">
        <h1 id="alerts-title">{sayAlert(locale, "alertsTitle")}</h1>
        <p class="muted">{sayAlert(locale, "alertsAbout")}</p>
      </section>
      <Load loaded={loaded}>
        {({ rules, webhook }) => (
          <>
            <RulesForm slug={slug} rules={rules} onSaved={loaded.retry} />
            <WebhookForm slug={slug} webhook={webhook} onSaved={loaded.retry} />
            <DeliveryLog slug={slug} webhook={webhook} />
          </>
        )}
      </Load>
    </ManageFrame>
  );
}

/** Whether a field's text is a whole number within bounds. */
const within = (text: string, { min, max }: { min: number; max: number }) =>
  /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max;

/** The three rules, saved together. */
function RulesForm({ slug, rules, onSaved }: { slug: string; rules: AlertRules; onSaved: () => void }) {
  const { locale } = useWords();
  const act = useAction();
  const { count, minutes } = LOW_FACES_BOUNDS;
  return (
    <section class="card" aria-labelledby="rules-title">
      <h2 id="rules-title">{sayAlert(locale, "rulesTitle")}</h2>
      <Outcome action={act} />
      <form
        noValidate
        onSubmit={onValues(async (v, form) => {
          const on = (rule: string) => (form.elements.namedItem(`${rule}-on`) as HTMLInputElement).checked;
          const saved = await act.run(
            async () => {
              for (const { rule } of rules.rules) {
                const body =
                  rule === "low_faces"
                    ? { enabled: on(rule), count: Number(v.count), minutes: Number(v.minutes) }
                    : { enabled: on(rule) };
                await api(`/agencies/${slug}/alert-rules/${rule}`, { method: "PUT", body });
              }
              return true;
            },
            {
              check: {
                count: when(!within(v.count, count), sayAlert(locale, "outOfBounds", count)),
                minutes: when(!within(v.minutes, minutes), sayAlert(locale, "outOfBounds", minutes)),
              },
              done: sayAlert(locale, "rulesSaved"),
            },
          );
          if (saved) onSaved();
        })}
      >
        {rules.rules.map((r) => (
          <fieldset class="group rule" key={r.rule}>
            <legend>
              {ruleWords(locale, r.rule)}
              {r.custom ? "" : ` (${sayAlert(locale, "defaultRule")})`}
            </legend>
            <label class="rule-on">
              <input type="checkbox" name={`${r.rule}-on`} defaultChecked={r.enabled} /> {sayAlert(locale, "ruleOn")}
            </label>
            {r.rule === "low_faces" ? (
              <div class="row">
                {(
                  [
                    ["count", "lowCount", count, r.count],
                    ["minutes", "lowMinutes", minutes, r.minutes],
                  ] as const
                ).map(([name, words, bounds, value]) => (
                  <Field
                    key={name}
                    form="rules"
                    name={name}
                    type="number"
                    inputMode="numeric"
                    label={sayAlert(locale, words, bounds)}
                    min={bounds.min}
                    max={bounds.max}
                    defaultValue={String(value ?? "")}
                    error={act.errors[name]}
                  />
                ))}
              </div>
            ) : null}
          </fieldset>
        ))}
        <Buttons submit={sayAlert(locale, "saveRules")} busy={act.busy} />
      </form>
    </section>
  );
}

/** The webhook: its URL, a new secret (never shown), saving and removing. */
function WebhookForm({ slug, webhook, onSaved }: { slug: string; webhook: Webhook; onSaved: () => void }) {
  const { locale } = useWords();
  const act = useAction();
  const remove = useAction();
  const current = webhook.webhook;
  /** What the URL and secret fields share: the form, their words and their error. */
  const field = (name: "url" | "secret") => ({
    form: "webhook",
    name,
    label: sayAlert(locale, name === "url" ? "webhookUrl" : "webhookSecret"),
    hint: sayAlert(locale, name === "url" ? "webhookUrlHint" : "webhookSecretHint"),
    error: act.errors[name],
  });
  return (
    <section class="card" aria-labelledby="webhook-title">
      <h2 id="webhook-title">{sayAlert(locale, "webhookTitle")}</h2>
      <p class="muted">{sayAlert(locale, "webhookAbout")}</p>
      <p>{current ? sayAlert(locale, "webhookSecretSet") : sayAlert(locale, "webhookNone")}</p>
      <Outcome action={act} />
      <form
        noValidate
        onSubmit={onValues(async ({ url, secret }, form) => {
          const saved = await act.run(
            () => api<Webhook>(`/agencies/${slug}/webhook`, { method: "PUT", body: { url, secret } }),
            {
              check: {
                url: when(!isWebhookUrl(url), sayAlert(locale, "badUrl")),
                secret: when(secret.length < 16, sayAlert(locale, "shortSecret")),
              },
              done: sayAlert(locale, "webhookSaved"),
            },
          );
          if (saved) {
            (form.elements.namedItem("secret") as HTMLInputElement).value = "";
            onSaved();
          }
        })}
      >
        <Field {...field("url")} type="url" inputMode="url" defaultValue={current?.url ?? ""} maxLength={2000} />
        <Field {...field("secret")} type="password" autoComplete="new-password" maxLength={200} />
        <Buttons submit={sayAlert(locale, "saveWebhook")} busy={act.busy} />
      </form>
      {current ? (
        <p class="buttons">
          <RowButton
            act={remove}
            text={sayAlert(locale, "removeWebhook")}
            label={sayAlert(locale, "removeWebhook")}
            ask={sayAlert(locale, "removeWebhookConfirm")}
            done={sayAlert(locale, "webhookRemoved")}
            call={() => api(`/agencies/${slug}/webhook`, { method: "DELETE" })}
            onDone={onSaved}
          />
          <Outcome action={remove} />
        </p>
      ) : null}
    </section>
  );
}

/** Each delivery: the alert, when it was made, where it stands, and every try with its answer and the next try. */
function DeliveryLog({ slug, webhook }: { slug: string; webhook: Webhook }) {
  const { locale } = useWords();
  const zone = useZone(slug);
  const at = (iso: string) => dateTime(iso, locale, zone);
  return (
    <section class="card" aria-labelledby="log-title">
      <h2 id="log-title">{sayAlert(locale, "logTitle")}</h2>
      {webhook.deliveries.length === 0 ? (
        <Empty>{sayAlert(locale, "logEmpty")}</Empty>
      ) : (
        <Table
          columns={[
            sayAlert(locale, "logEvent"),
            sayAlert(locale, "logMade"),
            sayAlert(locale, "logStatus"),
            sayAlert(locale, "logTries"),
          ]}
        >
          {webhook.deliveries.map((d) => (
            <tr key={d.id}>
              <th scope="row">{sayAlert(locale, `event_${d.rule}`)}</th>
              <td>{at(d.at)}</td>
              <td>{sayAlert(locale, `status_${d.status}`)}</td>
              <td>
                {d.attempts.length === 0 ? (
                  sayAlert(locale, "noTries")
                ) : (
                  <ol class="tries">
                    {d.attempts.map((t) => (
                      <li key={t.at}>
                        {t.statusCode === null
                          ? sayAlert(locale, "tryFailed", {
                              at: at(t.at),
                              error: sayAlert(locale, `error_${t.error ?? "unreachable"}`),
                            })
                          : sayAlert(locale, "tryAnswered", { at: at(t.at), code: t.statusCode })}
                        {t.nextAt ? ` · ${sayAlert(locale, "tryNext", { at: at(t.nextAt) })}` : ""}
                      </li>
                    ))}
                  </ol>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
