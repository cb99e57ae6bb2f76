/**
 * The evidence page (bukti dukung) for the annual assessment: one printable A4
 * page per period for "Berorientasi Pelayanan" (PermenPANRB 6/2022), printed by
 * the browser (print CSS, no PDF library).
 */
import { useContext } from "preact/hooks";
import type { OfficerScore } from "../../core/score-responses.ts";
import { Band } from "../components/band.tsx";
import { Fact } from "../components/fact.tsx";
import { Layout } from "../components/layout.tsx";
import { usePeriodQuery } from "../components/period.tsx";
import { PrintToolbar } from "../components/print-toolbar.tsx";
import { Load } from "../components/states.tsx";
import { num, Table } from "../components/table.tsx";
import { Session } from "../context.ts";
import { count, month, periodWords, range, score } from "../format.ts";
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
      <PrintToolbar />
      <Load loaded={loaded}>
        {(s) => (
          <article class="paper" aria-labelledby="evidence-title">
            <h1 id="evidence-title">{text(locale, "evidenceTitle")}</h1>
            <p>{text(locale, "evidenceIntro")}</p>
            <dl class="facts facts-paper">
              <Fact label={text(locale, "name")}>{s.name}</Fact>
              <Fact label={text(locale, "nip")}>{s.nip}</Fact>
              <Fact label={text(locale, "position")}>{s.position || "–"}</Fact>
              <Fact label={text(locale, "agency")}>{s.agency.name}</Fact>
              <Fact label={text(locale, "period")}>{periodWords(s.period.label, locale)}</Fact>
              <Fact label={text(locale, "dutyHours")}>{score(s.dutyHours, locale).replace(/[.,]00$/, "")}</Fact>
              <Fact label={text(locale, "ratingsReceived")}>{count(s.n, locale)}</Fact>
              <Fact label={text(locale, "directIndex")}>{score(s.index, locale)}</Fact>
              <Fact label={text(locale, "interval")}>{range(s.ci95, locale)}</Fact>
              <Fact label={text(locale, "fairScore")}>
                {s.enough ? (
                  <>
                    {score(s.fair, locale)} <Band mutu={s.band} locale={locale} />
                  </>
                ) : (
                  text(locale, "notEnough", { n: s.n, min: s.minN })
                )}
              </Fact>
              <Fact label={<>Kompetensi / Perilaku</>}>
                {score(s.elements.kompetensi.score, locale)} / {score(s.elements.perilaku.score, locale)}
              </Fact>
            </dl>
            <h2>{text(locale, "trendTitle")}</h2>
            <Table
              columns={[text(locale, "period"), num("n"), num(text(locale, "index")), num(text(locale, "fairScore"))]}
            >
              {s.trend.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{month(m.month, locale)}</th>
                  <td class="num">{m.n}</td>
                  <td class="num">{score(m.index, locale)}</td>
                  <td class="num">{score(m.fair, locale)}</td>
                </tr>
              ))}
            </Table>
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
