/**
 * Volume and speed beside satisfaction (docs/scoring.md, "Volume and speed"): an officer's own
 * (their page and the evidence page) and the agency's by service, counter and officer (the
 * overview and the printed report). Times stand only beside the same service's; every figure
 * carries its n, and below the minimum the page says "data belum cukup" instead of a figure.
 */
import type {
  AgencyIndicators,
  Indicator,
  OfficerIndicators,
  ServiceBeside,
  Volume,
} from "../../core/indicator-contract.ts";
import { percent, sayIndicator } from "../../core/indicator-words.ts";
import type { Locale } from "../../core/questionnaire.ts";
import { count, score } from "../format.ts";
import { useApi } from "../use-api.ts";
import { Fact } from "./fact.tsx";
import { Empty, Load } from "./states.tsx";
import { num, Table } from "./table.tsx";

type TimeFigures = Indicator["waitTime"];

/** A time's median and 90th percentile in minutes, or that there is not enough data; always with its n. */
function TimeCell({ t, locale }: { t: TimeFigures; locale: Locale }) {
  const minutes = (n: number | null) => sayIndicator(locale, "minutes", { n: n ?? "–" });
  return (
    <>
      {t.enough
        ? sayIndicator(locale, "timeFigures", { median: minutes(t.median), p90: minutes(t.p90) })
        : sayIndicator(locale, "notEnoughShort")}{" "}
      <span class="muted">({sayIndicator(locale, "nKnown", { n: count(t.n, locale) })})</span>
    </>
  );
}

/** A response rate, or that there is not enough data. */
const rateText = (v: Volume, locale: Locale) =>
  v.enough && v.responseRate !== null ? percent(v.responseRate, locale) : sayIndicator(locale, "notEnoughShort");

/** A group's volume as labelled figures: visits, the response rate (or "data belum cukup"), flagged visits. */
export function VolumeFacts({ v, minVisits, locale }: { v: Volume; minVisits: number; locale: Locale }) {
  return (
    <dl class="facts">
      <Fact label={sayIndicator(locale, "visits")}>
        {sayIndicator(locale, "visitsN", { n: count(v.visits, locale) })}
      </Fact>
      <Fact label={sayIndicator(locale, "responseRate")}>
        {v.enough && v.responseRate !== null
          ? sayIndicator(locale, "rateOf", {
              rate: percent(v.responseRate, locale),
              rated: count(v.rated, locale),
              visits: count(v.visits, locale),
            })
          : sayIndicator(locale, "notEnough", { n: count(v.visits, locale), min: minVisits })}
      </Fact>
      {v.flagged > 0 ? (
        <Fact label={sayIndicator(locale, "flagged")}>
          {sayIndicator(locale, "flaggedN", { n: count(v.flagged, locale) })}
        </Fact>
      ) : null}
    </dl>
  );
}

/** The columns of a group's figures for one service. */
const figureColumns = (locale: Locale) => [
  num(sayIndicator(locale, "visits")),
  num(sayIndicator(locale, "responseRate")),
  num(`${sayIndicator(locale, "waitTime")} (${sayIndicator(locale, "medianP90")})`),
  num(`${sayIndicator(locale, "serviceTime")} (${sayIndicator(locale, "medianP90")})`),
];

/** A group's figures for one service as table cells. */
function FigureCells({ f, locale }: { f: Indicator; locale: Locale }) {
  return (
    <>
      <td class="num">{count(f.visits, locale)}</td>
      <td class="num">{rateText(f, locale)}</td>
      <td class="num">
        <TimeCell t={f.waitTime} locale={locale} />
      </td>
      <td class="num">
        <TimeCell t={f.serviceTime} locale={locale} />
      </td>
    </>
  );
}

/** Per service a group served: its figures, and under them the whole agency's for the same service. */
export function ServicesBeside({ rows, own, locale }: { rows: ServiceBeside[]; own: string; locale: Locale }) {
  return (
    <Table columns={[sayIndicator(locale, "service"), sayIndicator(locale, "whose"), ...figureColumns(locale)]}>
      {rows.flatMap((row) => [
        <tr key={`${row.service}-own`}>
          <th scope="row" rowSpan={2}>
            {row.name}
          </th>
          <td>{own}</td>
          <FigureCells f={row.own} locale={locale} />
        </tr>,
        <tr key={`${row.service}-agency`} class="muted-row">
          <td>{sayIndicator(locale, "agency")}</td>
          <FigureCells f={row.agency} locale={locale} />
        </tr>,
      ])}
    </Table>
  );
}

/** A time's median · 90th percentile in minutes, or that there is not enough data (the evidence page's cells). */
const figuresText = (t: TimeFigures, locale: Locale) =>
  t.enough ? `${t.median} · ${t.p90}` : sayIndicator(locale, "notEnoughShort");

/**
 * The evidence page's times, narrow enough to stand beside the monthly trend on one A4 sheet: per
 * service the officer's median · 90th percentile, the whole agency's for the same service in brackets.
 */
function CompactTimes({ s, locale }: { s: OfficerIndicators; locale: Locale }) {
  const cell = (own: TimeFigures, agency: TimeFigures) =>
    sayIndicator(locale, "besideAgency", { own: figuresText(own, locale), agency: figuresText(agency, locale) });
  return (
    <>
      <Table
        columns={[
          sayIndicator(locale, "service"),
          num(sayIndicator(locale, "waitTime")),
          num(sayIndicator(locale, "serviceTime")),
        ]}
      >
        {s.services.map((row) => (
          <tr key={row.service}>
            <th scope="row">{row.name}</th>
            <td class="num">{cell(row.own.waitTime, row.agency.waitTime)}</td>
            <td class="num">{cell(row.own.serviceTime, row.agency.serviceTime)}</td>
          </tr>
        ))}
      </Table>
      <p class="muted">{sayIndicator(locale, "evidenceNote")}</p>
    </>
  );
}

/** The evidence page's figure of the officer's volume: visits and the response rate, or that there is not enough data. */
export const volumeLine = (v: Volume, locale: Locale) =>
  sayIndicator(locale, "visitsRate", {
    visits: count(v.visits, locale),
    rate: rateText(v, locale),
  });

/** The evidence page's speed per service (its facts carry the volume: volumeLine). */
export function EvidenceIndicators({ s, locale }: { s: OfficerIndicators; locale: Locale }) {
  return s.services.length === 0 ? null : (
    <section class="indicators-compact" aria-labelledby="indicators-title">
      <h2 id="indicators-title">{sayIndicator(locale, "title")}</h2>
      <CompactTimes s={s} locale={locale} />
    </section>
  );
}

/** The signed-in officer's own volume and speed on their page. */
export function MyIndicators({ period, locale }: { period: string; locale: Locale }) {
  const loaded = useApi<OfficerIndicators>(`/me/indicators?${period}`);
  return (
    <section class="card indicators" aria-labelledby="indicators-title">
      <h2 id="indicators-title">{sayIndicator(locale, "title")}</h2>
      <Load loaded={loaded}>
        {(s) =>
          s.volume.visits + s.volume.flagged === 0 ? (
            <Empty>{sayIndicator(locale, "noVisits")}</Empty>
          ) : (
            <>
              <p class="muted">{sayIndicator(locale, "officerIntro")}</p>
              <VolumeFacts v={s.volume} minVisits={s.minVisits} locale={locale} />
              <ServicesBeside rows={s.services} own={sayIndicator(locale, "you")} locale={locale} />
            </>
          )
        }
      </Load>
    </section>
  );
}

/** An agency's volume and speed by service, counter and officer, satisfaction beside each officer's. */
export function AgencyIndicatorsSection({ slug, period, locale }: { slug: string; period: string; locale: Locale }) {
  const loaded = useApi<AgencyIndicators>(`/agencies/${slug}/indicators?${period}`);
  return (
    <section class="card indicators" aria-labelledby="indicators-title">
      <h2 id="indicators-title">{sayIndicator(locale, "title")}</h2>
      <Load loaded={loaded}>
        {(r) =>
          r.volume.visits + r.volume.flagged === 0 ? (
            <Empty>{sayIndicator(locale, "noVisits")}</Empty>
          ) : (
            <AgencyFigures r={r} locale={locale} />
          )
        }
      </Load>
    </section>
  );
}

function AgencyFigures({ r, locale }: { r: AgencyIndicators; locale: Locale }) {
  const services = r.byService.map((s) => s.service);
  return (
    <>
      <p class="muted">{sayIndicator(locale, "agencyIntro")}</p>
      <VolumeFacts v={r.volume} minVisits={r.minVisits} locale={locale} />
      <h3 id="indicators-by-service">{sayIndicator(locale, "byService")}</h3>
      <Table columns={[sayIndicator(locale, "service"), ...figureColumns(locale)]}>
        {r.byService.map((s) => (
          <tr key={s.service}>
            <th scope="row">{s.name}</th>
            <FigureCells f={s} locale={locale} />
          </tr>
        ))}
      </Table>
      <h3 id="indicators-by-counter">{sayIndicator(locale, "byCounter")}</h3>
      <Table columns={[sayIndicator(locale, "counter"), sayIndicator(locale, "service"), ...figureColumns(locale)]}>
        {r.byCounter.flatMap((c) =>
          c.services.map((s, i) => (
            <tr key={`${c.counter}-${s.service}`}>
              {i === 0 ? (
                <th scope="row" rowSpan={c.services.length}>
                  {c.name}
                </th>
              ) : null}
              <td>{s.name}</td>
              <FigureCells f={s.own} locale={locale} />
            </tr>
          )),
        )}
      </Table>
      <h3 id="indicators-by-officer">{sayIndicator(locale, "byOfficer")}</h3>
      <Table
        columns={[
          sayIndicator(locale, "officer"),
          num(sayIndicator(locale, "visits")),
          num(sayIndicator(locale, "responseRate")),
          num(sayIndicator(locale, "satisfaction")),
        ]}
      >
        {r.byOfficer.map((o) => (
          <tr key={o.officer}>
            <th scope="row">{o.name}</th>
            <td class="num">{count(o.volume.visits, locale)}</td>
            <td class="num">{rateText(o.volume, locale)}</td>
            <td class="num">
              {o.satisfaction?.enough
                ? sayIndicator(locale, "satisfactionN", {
                    score: score(o.satisfaction.fair, locale),
                    n: count(o.satisfaction.n, locale),
                  })
                : `${sayIndicator(locale, "notEnoughShort")} (${sayIndicator(locale, "nKnown", { n: count(o.satisfaction?.n ?? 0, locale) })})`}
            </td>
          </tr>
        ))}
      </Table>
      <h3 id="indicators-officer-times">{sayIndicator(locale, "officerTimes")}</h3>
      <Table columns={[sayIndicator(locale, "service"), sayIndicator(locale, "officer"), ...figureColumns(locale)]}>
        {services.flatMap((service) => {
          const agency = r.byService.find((s) => s.service === service)!;
          const served = r.byOfficer.flatMap((o) =>
            o.services.filter((s) => s.service === service).map((s) => ({ name: o.name, key: o.officer, f: s.own })),
          );
          return [
            <tr key={`${service}-agency`} class="muted-row">
              <th scope="row" rowSpan={served.length + 1}>
                {agency.name}
              </th>
              <td>{sayIndicator(locale, "agency")}</td>
              <FigureCells f={agency} locale={locale} />
            </tr>,
            ...served.map((o) => (
              <tr key={`${service}-${o.key}`}>
                <td>{o.name}</td>
                <FigureCells f={o.f} locale={locale} />
              </tr>
            )),
          ];
        })}
      </Table>
      <p class="method">{sayIndicator(locale, "method", { min: r.minVisits })}</p>
    </>
  );
}
