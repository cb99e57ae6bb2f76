/**
 * Citizens' reasons for a low face in words, overall and by service, counter and officer, and
 * the possible illegal levies (core/levy.ts): the overview and the printed report show both;
 * the comments page takes its reason filter and each comment's reasons from here.
 */
import { LEVY_FILTER } from "../../core/levy.ts";
import { ZONE_NAMES } from "../../core/period.ts";
import { type Locale, labelOf, REASONS } from "../../core/questionnaire.ts";
import type { Reasons, ReasonTally } from "../../core/reason-responses.ts";
import { intlTag } from "../../core/words.ts";
import { count } from "../format.ts";
import { sayReasons } from "../reasons-words.ts";
import { useApi } from "../use-api.ts";
import { Empty, Load } from "./states.tsx";
import { num, Table } from "./table.tsx";

/** The reasons and the possible levies of an agency's period, each in its own section. */
export function ReasonsSections({ slug, period, locale }: { slug: string; period: string; locale: Locale }) {
  const loaded = useApi<Reasons>(`/agencies/${slug}/report/reasons?${period}`);
  return (
    <>
      <section class="card reasons" aria-labelledby="reasons-title">
        <h2 id="reasons-title">{sayReasons(locale, "title")}</h2>
        <Load loaded={loaded}>{(r) => <ReasonCounts r={r} locale={locale} />}</Load>
      </section>
      <section class="card levies" aria-labelledby="levies-title">
        <h2 id="levies-title">{sayReasons(locale, "leviesTitle")}</h2>
        <p class="muted">{sayReasons(locale, "leviesIntro")}</p>
        <Load loaded={loaded}>{(r) => <Levies r={r} locale={locale} />}</Load>
      </section>
    </>
  );
}

function ReasonCounts({ r, locale }: { r: Reasons; locale: Locale }) {
  if (r.total.ratings === 0) return <Empty>{sayReasons(locale, "none")}</Empty>;
  // Only reasons someone gave become columns, so the tables stay readable on a phone.
  const given = REASONS.filter((reason) => r.total.counts[reason.code] > 0);
  const unlisted = r.total.unlisted > 0;
  const row = (key: string, name: string, tally: ReasonTally) => (
    <tr key={key}>
      <th scope="row">{name}</th>
      {given.map((reason) => (
        <td key={reason.code} class="num">
          {count(tally.counts[reason.code] ?? 0, locale)}
        </td>
      ))}
      {unlisted ? <td class="num">{count(tally.unlisted, locale)}</td> : null}
      <td class="num">{count(tally.levies, locale)}</td>
    </tr>
  );
  const breakdown = (
    id: string,
    title: string,
    head: string,
    rows: { key: string; name: string; tally: ReasonTally }[],
  ) => (
    <>
      <h3 id={id}>{title}</h3>
      <Table
        columns={[
          head,
          ...given.map((reason) => num(reason.label[locale])),
          ...(unlisted ? [num(sayReasons(locale, "unlisted"))] : []),
          num(sayReasons(locale, "levyColumn")),
        ]}
      >
        {rows.map((x) => row(x.key, x.name, x.tally))}
      </Table>
    </>
  );
  return (
    <>
      <p class="muted">{sayReasons(locale, "intro")}</p>
      <p>{sayReasons(locale, "withReason", { n: count(r.total.ratings, locale) })}</p>
      <Table columns={[sayReasons(locale, "reason"), num(sayReasons(locale, "times"))]}>
        {REASONS.map((reason) => (
          <tr key={reason.code}>
            <th scope="row">{reason.label[locale]}</th>
            <td class="num">{count(r.total.counts[reason.code] ?? 0, locale)}</td>
          </tr>
        ))}
        {unlisted ? (
          <tr>
            <th scope="row">{sayReasons(locale, "unlisted")}</th>
            <td class="num">{count(r.total.unlisted, locale)}</td>
          </tr>
        ) : null}
      </Table>
      {breakdown(
        "reasons-by-service",
        sayReasons(locale, "byService"),
        sayReasons(locale, "service"),
        r.byService.map((s) => ({ key: s.service, name: s.name, tally: s })),
      )}
      {r.byCounter.length
        ? breakdown(
            "reasons-by-counter",
            sayReasons(locale, "byCounter"),
            sayReasons(locale, "counter"),
            r.byCounter.map((c) => ({ key: c.counter, name: c.name, tally: c })),
          )
        : null}
      {r.byOfficer.length ? (
        <>
          {breakdown(
            "reasons-by-officer",
            sayReasons(locale, "byOfficer"),
            sayReasons(locale, "officer"),
            r.byOfficer.map((o) => ({ key: o.officer, name: o.name, tally: o })),
          )}
          <p class="muted">{sayReasons(locale, "byOfficerNote")}</p>
        </>
      ) : null}
    </>
  );
}

/** An instant as the agency's clock read it, with the zone's name (08.06 WIB). */
const agencyTime = (iso: string, timezone: Reasons["timezone"], locale: Locale) =>
  new Intl.DateTimeFormat(intlTag(locale), { dateStyle: "medium", timeStyle: "short", timeZone: timezone }).format(
    new Date(iso),
  );

/** The reasons of a rating in words, joined. */
const reasonWords = (codes: readonly string[], locale: Locale) =>
  codes
    .map((code) =>
      REASONS.some((r) => r.code === code) ? labelOf(REASONS, code, locale) : sayReasons(locale, "unlisted"),
    )
    .join(", ");

function Levies({ r, locale }: { r: Reasons; locale: Locale }) {
  if (r.total.levies === 0) return <Empty>{sayReasons(locale, "noLevies")}</Empty>;
  return (
    <>
      <p>
        {sayReasons(locale, "leviesCount", { n: count(r.total.levies, locale) })}
        {r.levies.length < r.total.levies ? ` ${sayReasons(locale, "leviesShown", { shown: r.levies.length })}` : ""}
      </p>
      <Table
        columns={[
          sayReasons(locale, "time", { zone: ZONE_NAMES[r.timezone] }),
          sayReasons(locale, "service"),
          sayReasons(locale, "counter"),
          sayReasons(locale, "officer"),
          sayReasons(locale, "reason"),
          sayReasons(locale, "comment"),
        ]}
      >
        {r.levies.map((levy) => (
          <tr key={levy.id}>
            <th scope="row">{agencyTime(levy.createdAt, r.timezone, locale)}</th>
            <td>{levy.service}</td>
            <td>{levy.counter ?? "–"}</td>
            <td>{levy.officer ?? "–"}</td>
            <td>{levy.reasons.length ? reasonWords(levy.reasons, locale) : "–"}</td>
            <td>{levy.comment ?? <span class="muted">{sayReasons(locale, "noComment")}</span>}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}

/** The comments filter's choices: every reason in words, and the possible levies. */
export const reasonFilterOptions = (locale: Locale): [string, string][] => [
  [LEVY_FILTER, sayReasons(locale, "possibleLevy")],
  ...REASONS.map((r): [string, string] => [r.code, r.label[locale]]),
];

/** A comment's reasons in words, and a mark when it is a possible levy; nothing for a comment without either. */
export function CommentReasons({
  comment,
  locale,
}: {
  comment: { reasons: string[] | null; possibleLevy: boolean };
  locale: Locale;
}) {
  if (!comment.reasons?.length && !comment.possibleLevy) return null;
  return (
    <p class="comment-reasons">
      {comment.possibleLevy ? <strong class="levy-mark">{sayReasons(locale, "possibleLevy")}</strong> : null}
      {comment.possibleLevy && comment.reasons?.length ? " · " : null}
      {comment.reasons?.length ? `${sayReasons(locale, "reason")}: ${reasonWords(comment.reasons, locale)}` : null}
    </p>
  );
}
