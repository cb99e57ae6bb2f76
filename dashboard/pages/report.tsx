/**
 * The printable SKM report, in the structure PermenPANRB 14/2017 reports follow:
 * unit and period, method, respondents and their profile, NRR and element score
 * per element, the IKM with its grade and performance, per service, visits and speed beside
 * satisfaction (from the queue system), comments,
 * citizens' reasons and possible levies, and the sample-size statement. Printed by the browser (print CSS, A4).
 */

import { useContext } from "preact/hooks";
import { useRoute } from "preact-iso";
import { labelOf, PROFILE } from "../../core/questionnaire.ts";
import type { AgencyComments, Profile, Report } from "../../core/score-responses.ts";
import { BANDS } from "../../core/scoring.ts";
import { Fact } from "../components/fact.tsx";
import { FollowUpPlan } from "../components/follow-ups.tsx";
import { AgencyIndicatorsSection } from "../components/indicators.tsx";
import { Layout } from "../components/layout.tsx";
import { usePeriodQuery } from "../components/period.tsx";
import { PrintToolbar } from "../components/print-toolbar.tsx";
import { Publications } from "../components/publications.tsx";
import { ReasonsSections } from "../components/reasons.tsx";
import { Load } from "../components/states.tsx";
import { Session } from "../context.ts";
import { count, dateTime, periodWords, score } from "../format.ts";
import { text } from "../text.ts";
import { useApi } from "../use-api.ts";
import { useZone } from "../use-zone.ts";
import { Breakdown, Elements, Standing } from "./agency.tsx";
import { PopulationNote, usePopulationParam } from "./population.tsx";

/** The report page. */
export function ReportPage() {
  const locale = useContext(Session).locale.value;
  const { slug } = useRoute().params;
  const period = usePeriodQuery();
  const zone = useZone(slug);
  // The server's stated population for a named period (a range's from the address), as the overview's.
  const report = useApi<Report>(`/agencies/${slug}/report?${period}${usePopulationParam()}`);
  const profile = useApi<Profile>(`/agencies/${slug}/report/profile?${period}`);
  const comments = useApi<AgencyComments>(`/agencies/${slug}/comments?${period}`);
  return (
    <Layout agency={slug}>
      <PrintToolbar />
      <Publications slug={slug} report={report.data} />
      <Load loaded={report}>
        {(r) => (
          <article class="paper report" aria-labelledby="report-title">
            <h1 id="report-title">{text(locale, "reportTitle")}</h1>
            <dl class="facts facts-paper">
              <Fact label={text(locale, "reportUnit")}>{r.agency.name}</Fact>
              <Fact label={text(locale, "reportPeriod")}>{periodWords(r.period.label, locale)}</Fact>
              <Fact label={text(locale, "respondents")}>
                {text(locale, "respondentsN", { n: count(r.respondents, locale) })}
              </Fact>
              <Fact label={text(locale, "ikm")}>
                {r.ikm
                  ? `${score(r.ikm.value, locale)} · ${r.ikm.mutu} · ${BANDS.find((b) => b.mutu === r.ikm?.mutu)?.kinerja[locale]}`
                  : text(locale, "notOfficial")}
              </Fact>
            </dl>
            {r.ikm ? <Standing r={r} locale={locale} /> : null}
            <h2>{text(locale, "method")}</h2>
            <p class="method">{text(locale, "methodLine")}</p>
            <p>{text(locale, "methodFormula")}</p>
            {r.ikm ? <p class="muted">{text(locale, "comparison", { value: score(r.ikm.value011, locale) })}</p> : null}
            <Elements r={r} locale={locale} chart={false} />
            <Breakdown r={r} locale={locale} kind="service" />
            <AgencyIndicatorsSection slug={slug} period={period} locale={locale} />
            <section aria-labelledby="profile-title">
              <h2 id="profile-title">{text(locale, "profileTitle")}</h2>
              <Load loaded={profile}>{(p) => <ProfileTables p={p} locale={locale} />}</Load>
            </section>
            <section aria-labelledby="report-comments">
              <h2 id="report-comments">{text(locale, "commentsTitle")}</h2>
              <Load loaded={comments}>
                {(c) =>
                  c.comments.length === 0 ? (
                    <p>{text(locale, "noComments")}</p>
                  ) : (
                    <ul class="comments">
                      {c.comments.slice(0, 8).map((comment) => (
                        <li key={comment.id}>
                          <p class="comment-text">{comment.comment}</p>
                          <p class="muted">
                            {dateTime(comment.createdAt, locale, zone)} · {comment.service}
                          </p>
                        </li>
                      ))}
                    </ul>
                  )
                }
              </Load>
            </section>
            <ReasonsSections slug={slug} period={period} locale={locale} />
            <h2>{text(locale, "sampleTitle")}</h2>
            <p>
              {text(locale, "sampleRequired", {
                n: count(r.sampleSize.required, locale),
                got: count(r.sampleSize.respondents, locale),
                short:
                  r.sampleSize.shortfall === 0
                    ? text(locale, "sampleMet")
                    : text(locale, "sampleShort", { n: count(r.sampleSize.shortfall, locale) }),
              })}
            </p>
            <PopulationNote r={r} locale={locale} printed />
            <FollowUpPlan r={r} locale={locale} />
          </article>
        )}
      </Load>
    </Layout>
  );
}

function ProfileTables({ p, locale }: { p: Profile; locale: "id" | "en" }) {
  const groups: [string, Record<string, number>, { code: string; label: { id: string; en: string } }[] | null][] = [
    [text(locale, "gender"), p.gender, [...PROFILE.gender]],
    [text(locale, "age"), p.age, null],
    [text(locale, "education"), p.education, [...PROFILE.education]],
    [text(locale, "occupation"), p.occupation, [...PROFILE.occupation]],
  ];
  return (
    <div class="profile-tables">
      {groups.map(([title, counts, options]) => (
        <table key={title}>
          <caption>{title}</caption>
          <tbody>
            {Object.entries(counts).map(([code, n]) => (
              <tr key={code}>
                <th scope="row">
                  {code === "-" ? text(locale, "notGiven") : options ? labelOf(options, code, locale) : code}
                </th>
                <td class="num">{count(n, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
