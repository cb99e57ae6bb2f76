/**
 * The evidence page (bukti dukung) for the annual assessment: one printable A4
 * page per period for "Berorientasi Pelayanan" (PermenPANRB 6/2022), printed by
 * the browser (print CSS, no PDF library), wholly in the reader's language: satisfaction,
 * volume and speed (visits, response rate, waiting and service time per service), with
 * the date it was printed, the officer's replies under the quoted comments and their
 * supervisors' feedback of the period with when it was read, and a block for the officer's and their direct
 * superior's signatures, as SKP evidence is endorsed.
 */
import { useContext, useMemo } from "preact/hooks";
import type { OfficerIndicators } from "../../core/indicator-contract.ts";
import { sayIndicator } from "../../core/indicator-words.ts";
import { ELEMENTS, type Locale } from "../../core/questionnaire.ts";
import type { Comments, OfficerScore } from "../../core/score-responses.ts";
import { answerText } from "../answer-words.ts";
import { Band } from "../components/band.tsx";
import { ReplyShown } from "../components/comment-reply.tsx";
import { Fact } from "../components/fact.tsx";
import { EvidenceIndicators, volumeLine } from "../components/indicators.tsx";
import { Layout } from "../components/layout.tsx";
import { MyFeedback } from "../components/my-feedback.tsx";
import { usePeriodQuery } from "../components/period.tsx";
import { PrintToolbar } from "../components/print-toolbar.tsx";
import { Load } from "../components/states.tsx";
import { num, Table } from "../components/table.tsx";
import { Session } from "../context.ts";
import { count, dateTime, month, periodWords, range, score } from "../format.ts";
import { text } from "../text.ts";
import { useApi } from "../use-api.ts";
import { useZone } from "../use-zone.ts";
import { withhold } from "../withhold.ts";
import { CommentsList } from "./officer.tsx";

/** Comments an evidence page quotes: enough to show their tone, few enough for one A4 page. */
const QUOTED_COMMENTS = 3;
/** Other replied comments it quotes besides, for the same reason. */
const QUOTED_REPLIES = 2;

/** The evidence page. */
export function EvidencePage() {
  const locale = useContext(Session).locale.value;
  const period = usePeriodQuery();
  const loaded = useApi<OfficerScore>(`/me/score?${period}`);
  // Volume and speed from the queue system, beside satisfaction (docs/scoring.md, "Volume and speed").
  const indicators = useApi<OfficerIndicators>(`/me/indicators?${period}`);
  const zone = useZone();
  // The moment the page was opened stands for when it is printed: one print date, not a clock that moves.
  const printedAt = useMemo(() => new Date().toISOString(), []);
  return (
    <Layout>
      <PrintToolbar />
      <Load loaded={loaded}>
        {(given) => {
          const s = withhold(given);
          const shown = (value: string) => (s.enough ? value : text(locale, "withheld"));
          const officerElements = (["kompetensi", "perilaku"] as const).map(
            (id) => ELEMENTS.find((e) => e.id === id)!.name[locale],
          );
          return (
            <article class="paper evidence" aria-labelledby="evidence-title">
              <h1 id="evidence-title">{text(locale, "evidenceTitle")}</h1>
              <p>{text(locale, "evidenceIntro")}</p>
              <dl class="facts facts-paper">
                <Fact label={text(locale, "name")}>{s.name}</Fact>
                <Fact label={text(locale, "nip")}>{s.nip}</Fact>
                <Fact label={text(locale, "position")}>{s.position || "–"}</Fact>
                <Fact label={text(locale, "agency")}>{s.agency.name}</Fact>
                <Fact label={text(locale, "period")}>{periodWords(s.period.label, locale)}</Fact>
                <Fact label={text(locale, "dutyHours")}>
                  {text(locale, "hoursN", { n: score(s.dutyHours, locale).replace(/[.,]00$/, "") })}
                </Fact>
                <Fact label={text(locale, "ratingsReceived")}>
                  {text(locale, "ratingsN", { n: count(s.n, locale) })}
                </Fact>
                <Fact label={text(locale, "directIndex")}>{shown(score(s.index, locale))}</Fact>
                <Fact label={text(locale, "interval")}>{shown(range(s.ci95, locale))}</Fact>
                <Fact label={text(locale, "fairScore")}>
                  {s.enough ? (
                    <>
                      {score(s.fair, locale)} <Band mutu={s.band} locale={locale} />
                    </>
                  ) : (
                    text(locale, "notEnough", { n: s.n, min: s.minN })
                  )}
                </Fact>
                <Fact label={officerElements.join(" / ")}>
                  {shown(`${score(s.elements.kompetensi.score, locale)} / ${score(s.elements.perilaku.score, locale)}`)}
                </Fact>
                {indicators.data ? (
                  <Fact label={sayIndicator(locale, "visitsRated")}>{volumeLine(indicators.data.volume, locale)}</Fact>
                ) : null}
              </dl>
              {/* Satisfaction month by month and speed per service side by side when printed: one A4 sheet. */}
              <div class="evidence-row">
                <div>
                  <h2>{text(locale, "trendTitle")}</h2>
                  <Table
                    columns={[
                      text(locale, "period"),
                      num(text(locale, "ratingsReceived")),
                      num(text(locale, "index")),
                      num(text(locale, "fairScore")),
                    ]}
                  >
                    {s.trend.map(withhold).map((m) => (
                      <tr key={m.month}>
                        <th scope="row">{month(m.month, locale)}</th>
                        <td class="num">{count(m.n, locale)}</td>
                        <td class="num">{m.enough ? score(m.index, locale) : text(locale, "notEnoughShort")}</td>
                        <td class="num">{m.enough ? score(m.fair, locale) : text(locale, "notEnoughShort")}</td>
                      </tr>
                    ))}
                  </Table>
                </div>
                {indicators.data ? <EvidenceIndicators s={indicators.data} locale={locale} /> : null}
              </div>
              <CommentsList period={period} locale={locale} limit={QUOTED_COMMENTS} />
              <RepliedComments period={period} locale={locale} />
              <MyFeedback period={period} locale={locale} printable />
              <p class="method">
                <strong>{text(locale, "method")}:</strong>{" "}
                {text(locale, "officerMethod", { k: s.k, interval: text(locale, "officerIntervalMethod") })}
              </p>
              <Signatures s={s} locale={locale} />
              <p class="printed-on muted">{text(locale, "printedOn", { when: dateTime(printedAt, locale, zone) })}</p>
            </article>
          );
        }}
      </Load>
    </Layout>
  );
}

/**
 * The period's other comments the officer replied to, each with the reply (the quoted ones carry
 * theirs already), a few at most so the page stays one A4 sheet; nothing when there are none.
 */
function RepliedComments({ period, locale }: { period: string; locale: Locale }) {
  const replied = useApi<Comments>(`/me/comments?${period}&replied=1`);
  const recent = useApi<Comments>(`/me/comments?${period}`);
  const zone = useZone();
  if (!replied.data || !recent.data) return null;
  const quoted = new Set(recent.data.comments.slice(0, QUOTED_COMMENTS).map((c) => c.id));
  const others = replied.data.comments.filter((c) => !quoted.has(c.id)).slice(0, QUOTED_REPLIES);
  if (others.length === 0) return null;
  return (
    <section aria-labelledby="replies-title">
      <h2 id="replies-title">{answerText(locale, "evidenceReplies")}</h2>
      <ul class="comments">
        {others.map((c) => (
          <li key={c.id}>
            <p class="comment-text">{c.comment}</p>
            <p class="muted">
              {dateTime(c.createdAt, locale, zone)} · {c.service}
            </p>
            {c.reply ? <ReplyShown reply={c.reply} locale={locale} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Where the officer and their direct superior sign: the officer's name and NIP printed, the superior's left to fill. */
function Signatures({ s, locale }: { s: OfficerScore; locale: Locale }) {
  const blank = "……………………………………";
  const block = (title: string, name: string, nip: string) => (
    <div class="signature">
      <p class="signature-title">{title}</p>
      <p>
        {text(locale, "signDate")}: {blank}
      </p>
      <p class="signature-space">{text(locale, "signature")}</p>
      <p>
        {text(locale, "name")}: {name}
      </p>
      <p>
        {text(locale, "nip")}: {nip}
      </p>
    </div>
  );
  return (
    <section class="signatures" aria-labelledby="signatures-title">
      <h2 id="signatures-title">{text(locale, "signTitle")}</h2>
      <div class="signature-row">
        {block(text(locale, "signOfficer"), s.name, s.nip)}
        {block(text(locale, "signSuperior"), blank, blank)}
      </div>
    </section>
  );
}
