/**
 * Flagged ratings with when, where and why, in words; admins exclude or include each (audited, rollups
 * move with it). Below them, the visits flagged implausible.
 */

import { useContext, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { sayChannel } from "../../core/channels.ts";
import { type Flag, sayFlag } from "../../core/flags.ts";
import { FACES } from "../../core/questionnaire.ts";
import { roleMay } from "../../core/roles.ts";
import type { Flagged } from "../../core/score-responses.ts";
import { api } from "../api.ts";
import { FlaggedVisitsCard } from "../components/flagged-visits.tsx";
import { Layout } from "../components/layout.tsx";
import { PeriodPicker, usePeriodQuery } from "../components/period.tsx";
import { Empty, Load } from "../components/states.tsx";
import { Table } from "../components/table.tsx";
import { Session } from "../context.ts";
import { dateTime } from "../format.ts";
import { text } from "../text.ts";
import { describe, useApi } from "../use-api.ts";
import { useZone } from "../use-zone.ts";

/** The flagged ratings page. */
export function FlaggedPage() {
  const session = useContext(Session);
  const locale = session.locale.value;
  const { slug } = useRoute().params;
  const zone = useZone(slug);
  const query = usePeriodQuery();
  const loaded = useApi<Flagged>(`/agencies/${slug}/flagged?${query}`);
  const manages = roleMay(session.me.value?.user.role ?? "", "manageAgency");
  const [changed, setChanged] = useState<Record<string, { counted: boolean; flags: Flag[] }>>({});
  const [error, setError] = useState("");
  const toggle = async (id: string, exclude: boolean) => {
    setError("");
    try {
      const { rating } = await api<{ rating: { counted: boolean; flags: Flag[] } }>(
        `/agencies/${slug}/ratings/${id}/${exclude ? "exclude" : "include"}`,
        { method: "POST" },
      );
      setChanged((c) => ({ ...c, [id]: rating }));
    } catch (e) {
      setError(describe(e, locale));
    }
  };
  return (
    <Layout agency={slug}>
      <PeriodPicker />
      <section class="card" aria-labelledby="flagged-title">
        <h1 id="flagged-title">{text(locale, "flaggedTitle")}</h1>
        <p class="muted">{text(locale, "flaggedIntro")}</p>
        <p role="alert" class="error">
          {error}
        </p>
        <Load loaded={loaded}>
          {(data) =>
            data.ratings.length === 0 ? (
              <Empty>{text(locale, "noFlagged")}</Empty>
            ) : (
              <Table
                columns={[
                  text(locale, "when"),
                  text(locale, "counter"),
                  text(locale, "officer"),
                  text(locale, "face"),
                  text(locale, "why"),
                  text(locale, "counted"),
                  ...(manages ? [text(locale, "exclude")] : []),
                ]}
              >
                {data.ratings.map((row) => {
                  const now = changed[row.id] ?? row;
                  return (
                    <tr key={row.id}>
                      <th scope="row">{dateTime(row.createdAt, locale, zone)}</th>
                      <td>{row.counter ?? sayChannel(locale, row.channel)}</td>
                      <td>{row.officer ?? "–"}</td>
                      <td>{row.overall ? FACES[row.overall - 1][locale] : "–"}</td>
                      <td>{now.flags.map((f) => sayFlag(locale, f)).join(", ")}</td>
                      <td>{text(locale, now.counted ? "yes" : "no")}</td>
                      {manages ? (
                        <td>
                          <button
                            type="button"
                            class="secondary small"
                            onClick={() => void toggle(row.id, now.counted)}
                          >
                            {text(locale, now.counted ? "exclude" : "include")}
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </Table>
            )
          }
        </Load>
      </section>
      <FlaggedVisitsCard slug={slug} query={query} locale={locale} zone={zone} />
    </Layout>
  );
}
