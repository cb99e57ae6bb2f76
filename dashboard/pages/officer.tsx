/**
 * An officer's own page: the fair score with its band, the direct index, n, their visits,
 * response rate and waiting and service time per service beside the agency's, the
 * 95% interval drawn as a range with the unit average, what the fair score
 * means, the monthly trend, the spread of faces, the two elements about the
 * officer beside the unit's, the ratings from their own tickets apart, and the
 * comments about them, each of which they may reply to and contest, and their supervisors'
 * feedback of the period, which they acknowledge.
 */
import { useContext, useMemo } from "preact/hooks";
import { ELEMENTS, FACES, type Locale } from "../../core/questionnaire.ts";
import type { Comments, OfficerScore } from "../../core/score-responses.ts";
import { OFFICER_ELEMENTS } from "../../core/scoring.ts";
import { api } from "../api.ts";
import { Band } from "../components/band.tsx";
import { LineChart } from "../components/chart.tsx";
import { CommentReplyControl, ReplyShown } from "../components/comment-reply.tsx";
import { ContestReply } from "../components/contest-reply.tsx";
import { Fact } from "../components/fact.tsx";
import { MyIndicators } from "../components/indicators.tsx";
import { Layout } from "../components/layout.tsx";
import { useMore } from "../components/more.tsx";
import { MyFeedback } from "../components/my-feedback.tsx";
import { PeriodPicker, usePeriodQuery } from "../components/period.tsx";
import { Empty, Load } from "../components/states.tsx";
import { Heads, num, ScrollBox } from "../components/table.tsx";
import { visitTimes } from "../components/visit-times.ts";
import { Session } from "../context.ts";
import { count, dateTime, month, periodWords, range, score } from "../format.ts";
import { text } from "../text.ts";
import { useApi } from "../use-api.ts";
import { useZone } from "../use-zone.ts";
import { withhold } from "../withhold.ts";

/** The officer page. */
export function OfficerPage() {
  const locale = useContext(Session).locale.value;
  const period = usePeriodQuery();
  const loaded = useApi<OfficerScore>(`/me/score?${period}`);
  return (
    <Layout>
      <PeriodPicker />
      <Load loaded={loaded}>
        {(s) => (
          <>
            <ScoreCard s={s} locale={locale} />
            <MyIndicators period={period} locale={locale} />
            <Trend s={s} locale={locale} />
            <div class="grid-2">
              <FacesSpread s={s} locale={locale} />
              <OfficerElements s={s} locale={locale} />
            </div>
            <MyFeedback period={period} locale={locale} />
            <CommentsList period={period} locale={locale} />
          </>
        )}
      </Load>
    </Layout>
  );
}

/** The headline: fair score and band, or "data belum cukup" below the minimum n, with no score anywhere. */
export function ScoreCard({ s: given, locale }: { s: OfficerScore; locale: Locale }) {
  const s = withhold(given);
  const shown = (value: string) => (s.enough ? value : text(locale, "withheld"));
  return (
    <section class="card score-card" aria-labelledby="score-title">
      <h1 id="score-title">{text(locale, "myScore", { period: periodWords(s.period.label, locale) })}</h1>
      {s.enough ? (
        <p class="headline">
          <span class="big">{score(s.fair, locale)}</span> <Band mutu={s.band} locale={locale} />
          <span class="muted"> {text(locale, "fairScore")}</span>
        </p>
      ) : (
        <>
          <p class="headline not-enough">{text(locale, "notEnough", { n: s.n, min: s.minN })}</p>
          <p>{text(locale, "withheldScores", { min: count(s.minN, locale) })}</p>
        </>
      )}
      <dl class="facts">
        <Fact label={text(locale, "directIndex")}>{shown(score(s.index, locale))}</Fact>
        <Fact label={text(locale, "ratingsReceived")}>{text(locale, "ratingsN", { n: count(s.n, locale) })}</Fact>
        <Fact label={text(locale, "interval")}>{shown(range(s.ci95, locale))}</Fact>
        <Fact label={text(locale, "unitAverage")}>{score(s.unitIndex, locale)}</Fact>
      </dl>
      {s.ci95 ? (
        <IntervalBar low={s.ci95[0]} high={s.ci95[1]} index={s.index} unit={s.unitIndex} locale={locale} />
      ) : null}
      {s.selfIssued.n > 0 ? (
        <div class="self-issued">
          <p>
            <strong>
              {text(locale, "selfIssued", {
                n: count(s.selfIssued.n, locale),
                index: score(s.selfIssued.index, locale),
              })}
            </strong>
          </p>
          <p>{text(locale, "selfIssuedExplained")}</p>
        </div>
      ) : null}
      <p>{text(locale, "fairExplained", { k: s.k })}</p>
      <p>{text(locale, "smallNExplained")}</p>
    </section>
  );
}

/** The interval drawn as a range on the 25–100 scale, with the officer's index and the unit average. */
function IntervalBar({
  low,
  high,
  index,
  unit,
  locale,
}: {
  low: number;
  high: number;
  index: number | null;
  unit: number | null;
  locale: Locale;
}) {
  const at = (v: number) => `${((v - 25) / 75) * 100}%`;
  return (
    <div class="interval" aria-hidden="true">
      <div class="interval-track">
        <div class="interval-range" style={{ left: at(low), width: `calc(${at(high)} - ${at(low)})` }} />
        {index !== null ? <div class="interval-mark" style={{ left: at(index) }} title={score(index, locale)} /> : null}
        {unit !== null ? <div class="interval-unit" style={{ left: at(unit) }} /> : null}
      </div>
      <div class="interval-scale">
        <span>25</span>
        <span>{text(locale, "unitAverage")} ┆</span>
        <span>100</span>
      </div>
    </div>
  );
}

/** The months' fair scores and intervals; a month below the minimum n gets no score, in the chart or the words. */
function Trend({ s, locale }: { s: OfficerScore; locale: Locale }) {
  const trend = useMemo(() => s.trend.map(withhold), [s]);
  const labels = useMemo(() => trend.map((m) => month(m.month, locale, true)), [trend, locale]);
  const lines = useMemo(
    () => [
      { label: text(locale, "fairScore"), values: trend.map((m) => m.fair), color: "#0f5f59" },
      { label: "95% ↓", values: trend.map((m) => m.ci95?.[0] ?? null), color: "#7fb3ae", dash: [4, 4] },
      { label: "95% ↑", values: trend.map((m) => m.ci95?.[1] ?? null), color: "#7fb3ae", dash: [4, 4] },
    ],
    [trend, locale],
  );
  return (
    <section class="card" aria-labelledby="trend-title">
      <h2 id="trend-title">{text(locale, "trendTitle")}</h2>
      {s.trend.length === 0 ? (
        <Empty>{text(locale, "notEnough", { n: 0, min: s.minN })}</Empty>
      ) : (
        <>
          {trend.some((m) => m.enough) ? <LineChart labels={labels} lines={lines} band={[1, 2]} /> : null}
          <p class="summary">
            {text(locale, "trendSummaryN", {
              min: count(s.minN, locale),
              list: trend.map((m) => monthLine(m, locale)).join("; "),
            })}
          </p>
        </>
      )}
    </section>
  );
}

/** One month of the trend in words: its fair score and n, or that it has too few ratings for one. */
function monthLine(m: OfficerScore["trend"][number], locale: Locale) {
  const ratings = text(locale, "ratingsN", { n: count(m.n, locale) });
  return m.enough
    ? `${month(m.month, locale)} ${score(m.fair, locale)} (${ratings})`
    : text(locale, "monthNotEnough", { month: month(m.month, locale), n: count(m.n, locale) });
}

function FacesSpread({ s, locale }: { s: OfficerScore; locale: Locale }) {
  const total = s.faces.reduce((a, b) => a + b, 0);
  return (
    <section class="card" aria-labelledby="faces-title">
      <h2 id="faces-title">{text(locale, "facesTitle")}</h2>
      <ScrollBox>
        <table class="bars">
          <tbody>
            {FACES.map((face, i) => (
              <tr key={face.id}>
                <th scope="row">{face[locale]}</th>
                <td>
                  <span class={`bar face-${i + 1}`} style={{ width: `${total ? (s.faces[i] / total) * 100 : 0}%` }} />
                </td>
                <td class="num">{count(s.faces[i], locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}

function OfficerElements({ s, locale }: { s: OfficerScore; locale: Locale }) {
  return (
    <section class="card" aria-labelledby="elements-title">
      <h2 id="elements-title">{text(locale, "officerElementsTitle")}</h2>
      <ScrollBox>
        <table>
          <Heads columns={[text(locale, "element"), num(text(locale, "mine")), num(text(locale, "unit"))]} />
          <tbody>
            {OFFICER_ELEMENTS.map((e) => (
              <tr key={e}>
                <th scope="row">{ELEMENTS.find((element) => element.id === e)?.name[locale]}</th>
                <td class="num">
                  {s.enough ? score(s.elements[e].score, locale) : "–"}{" "}
                  <span class="muted">({text(locale, "ratingsN", { n: count(s.elements[e].n, locale) })})</span>
                </td>
                <td class="num">{score(s.unitElements[e].score, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}

/**
 * The comments about the officer, newest first, a page at a time; on their own page (no `limit`) each
 * may be replied to and contested; quoted (`limit`, the evidence page) each with its reply.
 */
export function CommentsList({ period, locale, limit }: { period: string; locale: Locale; limit?: number }) {
  const first = useApi<Comments>(`/me/comments?${period}`);
  return (
    <section class="card" aria-labelledby="comments-title">
      <h2 id="comments-title">{limit ? text(locale, "recentComments") : text(locale, "commentsTitle")}</h2>
      <Load loaded={first}>
        {(data) => <CommentItems first={data} period={period} locale={locale} limit={limit} />}
      </Load>
    </section>
  );
}

function CommentItems({
  first,
  period,
  locale,
  limit,
}: {
  first: Comments;
  period: string;
  locale: Locale;
  limit?: number;
}) {
  const zone = useZone();
  const list = useMore(
    first,
    (page) => page.comments,
    (n) => api<Comments>(`/me/comments?${period}&page=${n}`),
  );
  const all = list.all.slice(0, limit);
  if (all.length === 0) return <Empty>{text(locale, "noComments")}</Empty>;
  return (
    <>
      <ul class="comments">
        {all.map((c) => (
          <li key={c.id}>
            <p class="comment-text" id={`comment-${c.id}`}>
              {c.comment}
            </p>
            <p class="muted">
              {dateTime(c.createdAt, locale, zone)} · {c.service}
              {c.overall ? ` · ${FACES[c.overall - 1][locale]}` : ""}
              {visitTimes(c.visit, locale)}
            </p>
            {limit ? (
              c.reply && <ReplyShown reply={c.reply} locale={locale} />
            ) : (
              <>
                <CommentReplyControl ratingId={c.id} reply={c.reply} describedBy={`comment-${c.id}`} locale={locale} />
                <ContestReply ratingId={c.id} contest={c.contest} describedBy={`comment-${c.id}`} locale={locale} />
              </>
            )}
          </li>
        ))}
      </ul>
      {!limit && list.more ? (
        <button type="button" class="secondary no-print" onClick={list.next}>
          {text(locale, "more")}
        </button>
      ) : null}
    </>
  );
}
