/**
 * The evidence page (bukti dukung) for the annual assessment: one printable A4
 * page per period for "Berorientasi Pelayanan" (PermenPANRB 6/2022), printed by
 * the browser (print CSS, no PDF library).
 */
import { useContext } from "preact/hooks";
import type { OfficerScore } from "../../core/responses.ts";
import { Band } from "../components/band.tsx";
import { Layout } from "../components/layout.tsx";
import { PeriodPicker, usePeriodQuery } from "../components/period.tsx";
import { ScrollBox } from "../components/scroll-box.tsx";
import { Load } from "../components/states.tsx";
import { Session } from "../context.ts";
import { count, month, periodLabel, score } from "../format.ts";
import { text } from "../text.ts";
import { useApi } from "../use-api.ts";
import { CommentsList } from "./officer.tsx";

/** The evidence page. */
export function EvidencePage() {
  const locale = useContext(Session).locale.value;
  const period = usePeriodQuery();
  const loaded = useApi<OfficerScore>(`/me/score?${period}`);
  return (
    <Layout>
      <div class="no-print toolbar">
        <PeriodPicker />
        <button type="button" class="primary" onClick={() => window.print()}>
          {text(locale, "print")}
        </button>
      </div>
      <Load loaded={loaded}>
        {(s) => (
          <article class="paper" aria-labelledby="evidence-title">
            <h1 id="evidence-title">{text(locale, "evidenceTitle")}</h1>
            <p>{text(locale, "evidenceIntro")}</p>
            <dl class="facts facts-paper">
              <div>
                <dt>{text(locale, "name")}</dt>
                <dd>{s.name}</dd>
              </div>
              <div>
                <dt>{text(locale, "nip")}</dt>
                <dd>{s.nip}</dd>
              </div>
              <div>
                <dt>{text(locale, "position")}</dt>
                <dd>{s.position || "–"}</dd>
              </div>
              <div>
                <dt>{text(locale, "agency")}</dt>
                <dd>{s.agency.name}</dd>
              </div>
              <div>
                <dt>{text(locale, "period")}</dt>
                <dd>{periodLabel(s.period.label, locale)}</dd>
              </div>
              <div>
                <dt>{text(locale, "dutyHours")}</dt>
                <dd>{score(s.dutyHours, locale).replace(/[.,]00$/, "")}</dd>
              </div>
              <div>
                <dt>{text(locale, "ratingsReceived")}</dt>
                <dd>{count(s.n, locale)}</dd>
              </div>
              <div>
                <dt>{text(locale, "directIndex")}</dt>
                <dd>{score(s.index, locale)}</dd>
              </div>
              <div>
                <dt>{text(locale, "interval")}</dt>
                <dd>{s.ci95 ? `${score(s.ci95[0], locale)} – ${score(s.ci95[1], locale)}` : "–"}</dd>
              </div>
              <div>
                <dt>{text(locale, "fairScore")}</dt>
                <dd>
                  {s.enough ? (
                    <>
                      {score(s.fair, locale)} <Band mutu={s.band} locale={locale} />
                    </>
                  ) : (
                    text(locale, "notEnough", { n: s.n, min: s.minN })
                  )}
                </dd>
              </div>
              <div>
                <dt>Kompetensi / Perilaku</dt>
                <dd>
                  {score(s.elements.kompetensi.score, locale)} / {score(s.elements.perilaku.score, locale)}
                </dd>
              </div>
            </dl>
            <h2>{text(locale, "trendTitle")}</h2>
            <ScrollBox>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{text(locale, "period")}</th>
                    <th scope="col" class="num">
                      n
                    </th>
                    <th scope="col" class="num">
                      {text(locale, "index")}
                    </th>
                    <th scope="col" class="num">
                      {text(locale, "fairScore")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.trend.map((m) => (
                    <tr key={m.month}>
                      <th scope="row">{month(m.month, locale)}</th>
                      <td class="num">{m.n}</td>
                      <td class="num">{score(m.index, locale)}</td>
                      <td class="num">{score(m.fair, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
            <CommentsList period={period} locale={locale} limit={5} />
            <p class="method">
              <strong>{text(locale, "method")}:</strong>{" "}
              {text(locale, "officerMethod", { k: s.k, interval: s.intervalMethod })}
            </p>
          </article>
        )}
      </Load>
    </Layout>
  );
}
