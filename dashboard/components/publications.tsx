/**
 * The report's publications card (docs/design.md, "Publications"): the agency's admins publish the
 * period on screen ("Terbitkan hasil", after a confirm that says what will be frozen); everyone who
 * reads the report sees what was published, when, by whom, current or corrected, and the public
 * page. Not printed: the printed report is the report.
 */
import { useContext } from "preact/hooks";
import type { AgencyPublications } from "../../core/publication-contract.ts";
import { roleMay } from "../../core/roles.ts";
import type { Report } from "../../core/score-responses.ts";
import { api } from "../api.ts";
import { Session } from "../context.ts";
import { count, dateTime, periodWords, score } from "../format.ts";
import { useApi } from "../use-api.ts";
import { useZone } from "../use-zone.ts";
import { Outcome, useAction } from "./action.tsx";
import { sayPublications } from "./publications-words.ts";
import { Empty, Load } from "./states.tsx";
import { num, Table } from "./table.tsx";

/** The card, for the report of `report` (its period) in agency `slug`. */
export function Publications({ slug, report }: { slug: string; report?: Report }) {
  const session = useContext(Session);
  const locale = session.locale.value;
  const say = (key: Parameters<typeof sayPublications>[1], values?: Record<string, string | number>) =>
    sayPublications(locale, key, values);
  const zone = useZone(slug);
  const list = useApi<AgencyPublications>(`/agencies/${slug}/publications`);
  const act = useAction();
  const mayPublish = roleMay(session.me.value?.user.role ?? "", "publishResults");
  const when = (iso: string) => dateTime(iso, locale, zone);
  return (
    <section class="card no-print publications" aria-labelledby="publications-title">
      <h2 id="publications-title">{say("title")}</h2>
      <p>{say("intro")}</p>
      <p>
        <a href={`/publik/${slug}${locale === "en" ? "?lang=en" : ""}`}>{say("publicPage")}</a>
      </p>
      {mayPublish && report ? <Publish report={report} list={list.data} act={act} onDone={list.retry} /> : null}
      <Load loaded={list}>
        {(data) =>
          data.publications.length === 0 ? (
            <Empty>{say("none")}</Empty>
          ) : (
            <Table
              columns={[
                say("period"),
                num(say("ikm")),
                num(say("respondents")),
                say("publishedAt"),
                say("by"),
                say("state"),
              ]}
            >
              {data.publications.map((p) => (
                <tr key={p.id} class={p.current ? undefined : "muted"}>
                  <th scope="row">{periodWords(p.period.label, locale)}</th>
                  <td class="num">{p.ikm ? `${score(p.ikm.value, locale)} (${p.ikm.mutu})` : "–"}</td>
                  <td class="num">{count(p.respondents, locale)}</td>
                  <td>{when(p.publishedAt)}</td>
                  <td>{p.publishedBy ?? say("accountGone")}</td>
                  <td>
                    {p.current ? say("current") : say("superseded", { at: when(p.supersededAt ?? p.publishedAt) })}
                  </td>
                </tr>
              ))}
            </Table>
          )
        }
      </Load>
    </section>
  );
}

/** The admins' action: what publishing freezes, and the button that asks first. */
function Publish({
  report,
  list,
  act,
  onDone,
}: {
  report: Report;
  list?: AgencyPublications;
  act: ReturnType<typeof useAction>;
  onDone: () => void;
}) {
  const locale = useContext(Session).locale.value;
  const say = (key: Parameters<typeof sayPublications>[1], values?: Record<string, string | number>) =>
    sayPublications(locale, key, values);
  const zone = useZone(report.agency.slug);
  const label = report.period.label;
  const period = periodWords(label, locale);
  if (label.includes("..")) return <p class="muted">{say("range")}</p>;
  if (!report.ikm) return <p class="muted">{say("noIkm", { period })}</p>;
  const figures = {
    period,
    ikm: score(report.ikm.value, locale),
    mutu: report.ikm.mutu,
    respondents: count(report.respondents, locale),
    required: count(report.sampleSize.required, locale),
  };
  const before = list?.publications.find((p) => p.current && p.period.label === label);
  const ask = say("confirm", {
    ...figures,
    correction: before ? say("confirmCorrection", { at: dateTime(before.publishedAt, locale, zone) }) : "",
  });
  return (
    <div class="publish">
      <p>{say("freezes", figures)}</p>
      <Outcome action={act} />
      <button
        type="button"
        class="primary"
        aria-label={say("publishOf", { period })}
        disabled={act.busy}
        onClick={async () => {
          if (!confirm(ask)) return;
          const done = await act.run(
            () => api(`/agencies/${report.agency.slug}/publications`, { method: "POST", body: { period: label } }),
            {
              done: say("published", { period }),
              refusal: (failure) => (failure.code === "ikm_incomplete" ? say("noIkm", { period }) : undefined),
            },
          );
          if (done) onDone();
        }}
      >
        {say("publish")}
      </button>
    </div>
  );
}
