/**
 * The visits of a period kept but flagged implausible (docs/scoring.md, "Volume and speed"), with
 * their four times and why, in words: nothing a queue machine sent is dropped silently.
 */
import type { Timezone } from "../../core/period.ts";
import type { Locale } from "../../core/questionnaire.ts";
import type { FlaggedVisits } from "../../core/visit-contract.ts";
import { sayVisitFlag } from "../../core/visits.ts";
import { clock, dateTime } from "../format.ts";
import { text } from "../text.ts";
import { useApi } from "../use-api.ts";
import { sayVisit } from "../visit-words.ts";
import { Empty, Load } from "./states.tsx";
import { Table } from "./table.tsx";

/** The flagged visits card of the flagged page. */
export function FlaggedVisitsCard({
  slug,
  query,
  locale,
  zone,
}: {
  slug: string;
  query: string;
  locale: Locale;
  zone: Timezone | undefined;
}) {
  const loaded = useApi<FlaggedVisits>(`/agencies/${slug}/flagged/visits?${query}`);
  return (
    <section class="card" aria-labelledby="flagged-visits-title">
      <h2 id="flagged-visits-title">{sayVisit(locale, "flaggedVisitsTitle")}</h2>
      <p class="muted">{sayVisit(locale, "flaggedVisitsIntro")}</p>
      <Load loaded={loaded}>
        {(data) =>
          data.visits.length === 0 ? (
            <Empty>{sayVisit(locale, "noFlaggedVisits")}</Empty>
          ) : (
            <Table
              columns={[
                sayVisit(locale, "queueNumber"),
                text(locale, "when"),
                text(locale, "service"),
                text(locale, "counter"),
                text(locale, "officer"),
                sayVisit(locale, "visitTimesHead"),
                text(locale, "why"),
              ]}
            >
              {data.visits.map((v) => {
                const first = v.servedAt ?? v.calledAt ?? v.finishedAt ?? v.takenAt;
                return (
                  <tr key={v.id}>
                    <th scope="row">{v.queueNumber ?? "–"}</th>
                    <td>{first ? dateTime(first, locale, zone) : "–"}</td>
                    <td>{v.service}</td>
                    <td>{v.counter ?? "–"}</td>
                    <td>{v.officer ?? "–"}</td>
                    <td>
                      {[v.takenAt, v.calledAt, v.servedAt, v.finishedAt].map((t) => clock(t, locale, zone)).join(" · ")}
                    </td>
                    <td>{v.flags.map((f) => sayVisitFlag(locale, f)).join(", ")}</td>
                  </tr>
                );
              })}
            </Table>
          )
        }
      </Load>
    </section>
  );
}
