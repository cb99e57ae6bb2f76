/**
 * The agency's comments (masked at storage), filtered by service, counter, face and reason, newest
 * first, each with its officer's reply when they gave one.
 */

import { useContext } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { FACES } from "../../core/questionnaire.ts";
import type { Form } from "../../core/responses.ts";
import type { AgencyComments } from "../../core/score-responses.ts";
import { ReplyShown } from "../components/comment-reply.tsx";
import { Layout } from "../components/layout.tsx";
import { PeriodPicker, usePeriodQuery } from "../components/period.tsx";
import { CommentReasons, reasonFilterOptions } from "../components/reasons.tsx";
import { Empty, Load } from "../components/states.tsx";
import { visitTimes } from "../components/visit-times.ts";
import { Session } from "../context.ts";
import { dateTime } from "../format.ts";
import { sayReasons } from "../reasons-words.ts";
import { text } from "../text.ts";
import { useApi } from "../use-api.ts";
import { useZone } from "../use-zone.ts";

/** The comments page. */
export function CommentsPage() {
  const locale = useContext(Session).locale.value;
  const { slug } = useRoute().params;
  const { path, query, route } = useLocation();
  const zone = useZone(slug);
  const form = useApi<Form>(`/agencies/${slug}/form`);
  const filters = new URLSearchParams();
  for (const key of ["service", "counter", "face", "reason", "page"]) if (query[key]) filters.set(key, query[key]);
  const loaded = useApi<AgencyComments>(`/agencies/${slug}/comments?${usePeriodQuery()}&${filters}`);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== "page") next.delete("page");
    route(`${path}?${next}`);
  };
  const select = (key: string, label: string, all: string, options: [string, string][]) => (
    <label>
      {label}
      <select value={query[key] ?? ""} onChange={(e) => set(key, (e.target as HTMLSelectElement).value)}>
        <option value="">{all}</option>
        {options.map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Layout agency={slug}>
      <PeriodPicker />
      <section class="card" aria-labelledby="comments-title">
        <h1 id="comments-title">{text(locale, "commentsTitle")}</h1>
        <div class="filters">
          {select(
            "service",
            text(locale, "service"),
            text(locale, "allServices"),
            (form.data?.services ?? []).map((s) => [s.slug, s.name]),
          )}
          {select(
            "counter",
            text(locale, "counter"),
            text(locale, "allCounters"),
            (form.data?.counters ?? []).map((c) => [c.code, c.name]),
          )}
          {select(
            "face",
            text(locale, "face"),
            text(locale, "allFaces"),
            FACES.map((f, i) => [String(i + 1), f[locale]]),
          )}
          {select(
            "reason",
            sayReasons(locale, "filter"),
            sayReasons(locale, "allReasons"),
            reasonFilterOptions(locale),
          )}
        </div>
        <Load loaded={loaded}>
          {(data) =>
            data.comments.length === 0 ? (
              <Empty>{text(locale, "noComments")}</Empty>
            ) : (
              <>
                <ul class="comments">
                  {data.comments.map((c) => (
                    <li key={c.id}>
                      <p class="comment-text">{c.comment}</p>
                      <CommentReasons comment={c} locale={locale} />
                      <p class="muted">
                        {dateTime(c.createdAt, locale, zone)} · {c.service}
                        {c.counterName ? ` · ${c.counterName}` : ""}
                        {c.officer ? ` · ${c.officer}` : ""}
                        {c.overall ? ` · ${FACES[c.overall - 1][locale]}` : ""}
                        {visitTimes(c.visit, locale)}
                      </p>
                      {c.reply ? <ReplyShown reply={c.reply} locale={locale} zone={zone} /> : null}
                    </li>
                  ))}
                </ul>
                {data.more ? (
                  <button type="button" class="secondary" onClick={() => set("page", String(data.page + 1))}>
                    {text(locale, "more")}
                  </button>
                ) : null}
              </>
            )
          }
        </Load>
      </section>
    </Layout>
  );
}
