/**
 * The agency overview for supervisors and admins: the IKM (official only with
 * all 9 elements answered) with its method, the SKM respondents and face-only
 * taps counted apart, each element's NRR and score, IKM and quick index per
 * service and per counter, visits and speed by service, counter and officer beside satisfaction,
 * citizens' reasons and possible levies, the quick-index trend, sample adequacy and the CSVs.
 */

import { useContext, useMemo } from "preact/hooks";
import { useRoute } from "preact-iso";
import { sayIndicator } from "../../core/indicator-words.ts";
import { ELEMENTS, type Locale } from "../../core/questionnaire.ts";
import type { Setup } from "../../core/responses.ts";
import type { Report } from "../../core/score-responses.ts";
import { ikmStanding } from "../../core/scoring.ts";
import { Band } from "../components/band.tsx";
import { LineChart } from "../components/chart.tsx";
import { Fact } from "../components/fact.tsx";
import { AgencyIndicatorsSection } from "../components/indicators.tsx";
import { Layout } from "../components/layout.tsx";
import { PeriodPicker, usePeriodQuery } from "../components/period.tsx";
import { ReasonsSections } from "../components/reasons.tsx";
import { Empty, Load } from "../components/states.tsx";
import { num, Table } from "../components/table.tsx";
import { Session } from "../context.ts";
import { count, month, nrr, periodWords, score } from "../format.ts";
import { text } from "../text.ts";
import { useApi } from "../use-api.ts";
import { mayManage } from "./manage/frame.tsx";
import { Checklist, setupDone } from "./manage/setup.tsx";
import { PopulationNote, SampleCard, usePopulationParam } from "./population.tsx";

/**
 * The first-run checklist, on the overview of an agency that has no rating yet and
 * steps left (after that it stays under "Persiapan": an agency rated through its
 * widget alone need not see it every day).
 */
function UnfinishedSetup({ slug }: { slug: string }) {
  const { data } = useApi<Setup>(`/agencies/${slug}/setup`);
  return data && data.ratings === 0 && !setupDone(data) ? <Checklist slug={slug} setup={data} heading="h2" /> : null;
}

/** The overview page. */
export function AgencyPage() {
  const locale = useContext(Session).locale.value;
  const { slug } = useRoute().params;
  const period = usePeriodQuery();
  const loaded = useApi<Report>(`/agencies/${slug}/report?${period}${usePopulationParam()}`);
  const role = useContext(Session).me.value!.user.role;
  return (
    <Layout agency={slug}>
      {mayManage(role) ? <UnfinishedSetup slug={slug} /> : null}
      <div class="toolbar no-print">
        <PeriodPicker />
        <a class="button secondary" href={`/api/v1/agencies/${slug}/ratings.csv?${period}&lang=${locale}`} download>
          {text(locale, "csv")}
        </a>
        <a class="button secondary" href={`/api/v1/agencies/${slug}/indicators.csv?${period}&lang=${locale}`} download>
          {sayIndicator(locale, "csv")}
        </a>
      </div>
      <Load loaded={loaded}>
        {(r) => (
          <>
            <IkmCard r={r} locale={locale} />
            <Elements r={r} locale={locale} />
            <Breakdown r={r} locale={locale} kind="service" />
            <Breakdown r={r} locale={locale} kind="counter" />
            <AgencyIndicatorsSection slug={slug} period={period} locale={locale} />
            <ReasonsSections slug={slug} period={period} locale={locale} />
            <QuickTrend r={r} locale={locale} />
            <SampleCard r={r} locale={locale} onStated={loaded.retry} />
          </>
        )}
      </Load>
    </Layout>
  );
}

/** The IKM headline, its method, and the respondents and taps. */
export function IkmCard({ r, locale }: { r: Report; locale: Locale }) {
  const elementName = (id: string) => ELEMENTS.find((e) => e.id === id)?.name[locale] ?? id;
  return (
    <section class="card score-card" aria-labelledby="ikm-title">
      <h1 id="ikm-title">{text(locale, "ikmTitle", { period: periodWords(r.period.label, locale) })}</h1>
      {r.ikm ? (
        <>
          <p class="headline">
            <span class="big">{score(r.ikm.value, locale)}</span> <Band mutu={r.ikm.mutu} locale={locale} />
          </p>
          <Standing r={r} locale={locale} />
          <PopulationNote r={r} locale={locale} />
          <p class="method">{text(locale, "methodLine")}</p>
          <p class="muted">{text(locale, "comparison", { value: score(r.ikm.value011, locale) })}</p>
        </>
      ) : (
        <>
          <p class="headline not-enough">{text(locale, "notOfficial")}</p>
          {r.missingElements.length ? (
            <p class="muted">{text(locale, "missing", { list: r.missingElements.map(elementName).join(", ") })}</p>
          ) : null}
        </>
      )}
      <dl class="facts">
        <Fact
          label={
            <>
              {text(locale, "respondents")} <span class="muted">({text(locale, "respondentsHint")})</span>
            </>
          }
        >
          {text(locale, "respondentsN", { n: count(r.respondents, locale) })}
        </Fact>
        <Fact label={text(locale, "taps")}>{text(locale, "tapsN", { n: count(r.taps, locale) })}</Fact>
        <Fact
          label={
            <>
              {text(locale, "quickIndexOf", { n: count(r.quick.n, locale) })}{" "}
              <span class="muted">({text(locale, "quickHintN")})</span>
            </>
          }
        >
          {score(r.quick.index, locale)} <Band mutu={r.quick.band} locale={locale} />
        </Fact>
      </dl>
    </section>
  );
}

/**
 * Whether the IKM is official, always with the sample's adequacy beside it: "Resmi" only when
 * the sample reaches its minimum (ikmStanding in core/scoring.ts), else how many are still short.
 */
export function Standing({ r, locale }: { r: Report; locale: Locale }) {
  const { required, respondents, shortfall } = r.sampleSize;
  const figures = { n: count(required, locale), got: count(respondents, locale), short: count(shortfall, locale) };
  return ikmStanding(r.ikm !== null, r.sampleSize) === "official" ? (
    <p class="official">✓ {text(locale, "officialAdequate", figures)}</p>
  ) : (
    <p class="not-official">{text(locale, "notYetOfficial", figures)}</p>
  );
}

/** Each element's respondents, NRR and element score: a chart and the same in a table. */
export function Elements({ r, locale, chart = true }: { r: Report; locale: Locale; chart?: boolean }) {
  const labels = useMemo(() => ELEMENTS.map((_, i) => `U${i + 1}`), []);
  const lines = useMemo(
    () => [
      {
        label: text(locale, "elementScore"),
        values: ELEMENTS.map((e) => r.elements[e.id].score),
        color: "#0f5f59",
      },
    ],
    [r, locale],
  );
  return (
    <section class="card" aria-labelledby="elements-title">
      <h2 id="elements-title">{text(locale, "elementsTitle")}</h2>
      {chart ? <LineChart labels={labels} lines={lines} bars min={0} max={100} /> : null}
      <Table
        columns={[
          text(locale, "element"),
          num(text(locale, "answered")),
          num(text(locale, "nrrHead")),
          num(text(locale, "elementScore")),
        ]}
      >
        {ELEMENTS.map((e, i) => (
          <tr key={e.id}>
            <th scope="row">
              U{i + 1}. {e.name[locale]}
            </th>
            <td class="num">{count(r.elements[e.id].n, locale)}</td>
            <td class="num">{nrr(r.elements[e.id].nrr, locale)}</td>
            <td class="num">{score(r.elements[e.id].score, locale)}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}

/** IKM and quick index per service or per counter. */
export function Breakdown({ r, locale, kind }: { r: Report; locale: Locale; kind: "service" | "counter" }) {
  const rows =
    kind === "service"
      ? r.byService.map((s) => ({ ...s, key: s.service }))
      : r.byCounter.map((c) => ({ ...c, key: c.counter }));
  const id = `by-${kind}`;
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{text(locale, kind === "service" ? "byService" : "byCounter")}</h2>
      {rows.length === 0 ? (
        <Empty>{text(locale, "emptyAgency")}</Empty>
      ) : (
        <Table
          columns={[
            text(locale, kind),
            num(text(locale, "respondents")),
            num(text(locale, "ikm")),
            num(text(locale, "quickIndex")),
          ]}
        >
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              <td class="num">{count(row.respondents, locale)}</td>
              <td class="num">
                {row.ikm ? (
                  <>
                    {score(row.ikm.value, locale)} ({row.ikm.mutu})
                  </>
                ) : (
                  "–"
                )}
              </td>
              <td class="num">
                {score(row.quick.index, locale)} <span class="muted">(n {row.quick.n})</span>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

function QuickTrend({ r, locale }: { r: Report; locale: Locale }) {
  const labels = useMemo(() => r.trend.map((m) => month(m.month, locale, true)), [r, locale]);
  const lines = useMemo(
    () => [{ label: text(locale, "quickIndex"), values: r.trend.map((m) => m.quick.index), color: "#0f5f59" }],
    [r, locale],
  );
  return (
    <section class="card" aria-labelledby="quick-trend">
      <h2 id="quick-trend">{text(locale, "quickTrend")}</h2>
      {r.trend.length === 0 ? (
        <Empty>{text(locale, "emptyAgency")}</Empty>
      ) : (
        <>
          <LineChart labels={labels} lines={lines} />
          <p class="summary">
            {text(locale, "quickTrendSummary", {
              list: r.trend.map((m) => `${month(m.month, locale)} ${score(m.quick.index, locale)}`).join("; "),
            })}
          </p>
        </>
      )}
    </section>
  );
}
