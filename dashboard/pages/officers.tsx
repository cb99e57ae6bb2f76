/**
 * Each officer's indicator, sortable: n, index, 95% interval, fair score, and "data belum cukup"
 * below the minimum, where no score of that officer is shown (withhold.ts).
 */

import { useContext, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { Report } from "../../core/score-responses.ts";
import { answerText } from "../answer-words.ts";
import { Band } from "../components/band.tsx";
import { Layout } from "../components/layout.tsx";
import { PeriodPicker, usePeriodQuery } from "../components/period.tsx";
import { Empty, Load } from "../components/states.tsx";
import { ScrollBox } from "../components/table.tsx";
import { Session } from "../context.ts";
import { count, range, score } from "../format.ts";
import { type TextKey, text } from "../text.ts";
import { useApi } from "../use-api.ts";
import { withhold } from "../withhold.ts";

type Row = Report["byOfficer"][number];
type Column = "name" | "n" | "index" | "fair";

/** The officers page. */
export function OfficersPage() {
  const locale = useContext(Session).locale.value;
  const { slug } = useRoute().params;
  const loaded = useApi<Report>(`/agencies/${slug}/report?${usePeriodQuery()}`);
  const [sort, setSort] = useState<{ by: Column; up: boolean }>({ by: "fair", up: false });
  const sorted = (rows: Row[]) =>
    rows.map(withhold).sort((a, b) => {
      const x = a[sort.by] ?? -1;
      const y = b[sort.by] ?? -1;
      const order = typeof x === "string" ? x.localeCompare(String(y)) : (x as number) - (y as number);
      return sort.up ? order : -order;
    });
  const header = (column: Column, key: TextKey, numeric = true) => (
    <th
      scope="col"
      class={numeric ? "num" : undefined}
      aria-sort={sort.by === column ? (sort.up ? "ascending" : "descending") : "none"}
    >
      <button
        type="button"
        class="sort"
        aria-label={text(locale, "sortBy", { column: text(locale, key) })}
        onClick={() => setSort({ by: column, up: sort.by === column ? !sort.up : column === "name" })}
      >
        {text(locale, key)} {sort.by === column ? (sort.up ? "▲" : "▼") : ""}
      </button>
    </th>
  );
  return (
    <Layout agency={slug}>
      <PeriodPicker />
      <Load loaded={loaded}>
        {(r) => (
          <section class="card" aria-labelledby="officers-title">
            <h1 id="officers-title">{text(locale, "officersTitle")}</h1>
            <p class="muted">{text(locale, "officersExplained", { k: 20 })}</p>
            {r.byOfficer.length === 0 ? (
              <Empty>{text(locale, "emptyAgency")}</Empty>
            ) : (
              <ScrollBox>
                <table>
                  <thead>
                    <tr>
                      {header("name", "officer", false)}
                      {header("n", "ratingsReceived")}
                      {header("index", "index")}
                      <th scope="col" class="num">
                        {text(locale, "interval")}
                      </th>
                      {header("fair", "fair")}
                      <th scope="col">{text(locale, "band")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sorted(r.byOfficer).map((o) => (
                      <tr key={o.officer}>
                        <th scope="row">
                          <a
                            href={`/dashboard/a/${slug}/officers/${o.officer}`}
                            aria-label={answerText(locale, "feedbackLink", { name: o.name })}
                          >
                            {o.name}
                          </a>
                        </th>
                        <td class="num">{text(locale, "ratingsN", { n: count(o.n, locale) })}</td>
                        <td class="num">{score(o.index, locale)}</td>
                        <td class="num">{range(o.ci95, locale)}</td>
                        <td class="num">{score(o.fair, locale)}</td>
                        <td>
                          {o.enough ? (
                            <Band mutu={o.band} locale={locale} />
                          ) : (
                            <span class="muted">{text(locale, "notEnoughShort")}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            )}
          </section>
        )}
      </Load>
    </Layout>
  );
}
