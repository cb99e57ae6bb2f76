/** A regional admin's page: every agency of the region side by side for the period, each one a link to open, and a new one added. */

import { useContext } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { Agencies } from "../../core/score-responses.ts";
import { Band } from "../components/band.tsx";
import { Layout } from "../components/layout.tsx";
import { PeriodPicker, usePeriodQuery } from "../components/period.tsx";
import { Empty, Load } from "../components/states.tsx";
import { num, Table } from "../components/table.tsx";
import { Session } from "../context.ts";
import { count, score } from "../format.ts";
import { text } from "../text.ts";
import { useApi } from "../use-api.ts";
import { AgencyCreate } from "./manage/agency-create.tsx";

/** The region page. */
export function RegionPage() {
  const session = useContext(Session);
  const locale = session.locale.value;
  const { query } = useLocation();
  const loaded = useApi<Agencies>(`/agencies?${usePeriodQuery()}`);
  const keep = new URLSearchParams(query).toString();
  return (
    <Layout>
      <PeriodPicker />
      <section class="card" aria-labelledby="region-title">
        <h1 id="region-title">{text(locale, "regionTitle", { region: session.me.value?.user.region ?? "" })}</h1>
        <Load loaded={loaded}>
          {(data) =>
            data.agencies.length === 0 ? (
              <Empty>{text(locale, "noAgencies")}</Empty>
            ) : (
              <Table
                columns={[
                  text(locale, "agency"),
                  num(text(locale, "ikm")),
                  text(locale, "mutu"),
                  num(text(locale, "respondents")),
                  num(text(locale, "quickIndex")),
                ]}
              >
                {data.agencies.map((a) => (
                  <tr key={a.slug}>
                    <th scope="row">
                      <a href={`/dashboard/a/${a.slug}${keep ? `?${keep}` : ""}`}>{a.name}</a>
                    </th>
                    <td class="num">{score(a.figures.ikm?.value, locale)}</td>
                    <td>
                      <Band mutu={a.figures.ikm?.mutu} locale={locale} />
                    </td>
                    <td class="num">{count(a.figures.respondents, locale)}</td>
                    <td class="num">{score(a.figures.quick.index, locale)}</td>
                  </tr>
                ))}
              </Table>
            )
          }
        </Load>
      </section>
      <AgencyCreate onCreated={loaded.retry} />
    </Layout>
  );
}
