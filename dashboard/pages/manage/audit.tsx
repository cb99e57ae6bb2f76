/** The audit log: who changed what and when, newest first, by kind of change, 50 a page. */
import { useLocation, useRoute } from "preact-iso";
import type { IntegrationKeys } from "../../../core/duty-responses.ts";
import type { Audit, CounterRow, OfficerRow } from "../../../core/responses.ts";
import { Choice } from "../../components/fields.tsx";
import { Empty, Load } from "../../components/states.tsx";
import { Table } from "../../components/table.tsx";
import { dateTime } from "../../format.ts";
import { useAll, useApi } from "../../use-api.ts";
import { useZone } from "../../use-zone.ts";
import { auditDetails, type Names } from "./audit-details.ts";
import { type AuditKey, sayAudit } from "./audit-words.ts";
import { ManageFrame } from "./frame.tsx";
import { useWords } from "./use-words.ts";

/** The kinds of change one can filter by. */
const KINDS = [
  "service",
  "counter",
  "officer",
  "user",
  "device",
  "origins",
  "rating",
  "contest",
  "agency",
  "duty",
  "ticket",
  "integration_key",
  "population",
  "comment",
  "feedback",
  "follow_up",
  "publication",
  "alert_rule",
  "webhook",
  "visits",
] as const;

/** The audit page. */
export function AuditPage() {
  const { slug } = useRoute().params;
  const { locale } = useWords();
  const w = (key: AuditKey, values?: Record<string, string | number>) => sayAudit(locale, key, values);
  const zone = useZone(slug);
  const { query, path, route } = useLocation();
  const kind = new URLSearchParams(query).get("action") ?? "";
  const page = Number(new URLSearchParams(query).get("page") ?? 1) || 1;
  const go = (next: { action?: string; page?: number }) => {
    const q = new URLSearchParams();
    const action = next.action ?? kind;
    if (action) q.set("action", action);
    if ((next.page ?? 1) > 1) q.set("page", String(next.page));
    route(`${path}${q.size ? `?${q}` : ""}`);
  };
  const params = new URLSearchParams();
  if (kind) params.set("action", kind);
  params.set("page", String(page));
  const loaded = useApi<Audit>(`/agencies/${slug}/audit?${params}`);
  // Duty entries hold ids: the names come from the agency's lists, so the log waits for them (never an id shown).
  const lists = useAll<{
    counters: { counters: CounterRow[] };
    officers: { officers: OfficerRow[] };
    keys: IntegrationKeys;
  }>({
    counters: `/agencies/${slug}/counters`,
    officers: `/agencies/${slug}/officers`,
    keys: `/agencies/${slug}/integration-keys`,
  });
  const names: Names = {
    counters: new Map(lists.data?.counters.counters.map((c) => [c.id, c.name])),
    officers: new Map(lists.data?.officers.officers.map((o) => [o.id, o.name])),
    keys: new Map(lists.data?.keys.keys.map((k) => [k.id, k.name])),
  };
  const label = (action: string) => {
    const key = `audit_${action.replace(".", "_")}` as AuditKey;
    return w(key) || action;
  };
  return (
    <ManageFrame slug={slug} title={w("auditTitle")}>
      <section class="card" aria-labelledby="audit-title">
        <h1 id="audit-title">{w("auditTitle")}</h1>
        <div class="toolbar">
          <Choice
            form="audit"
            name="action"
            label={w("auditKind")}
            value={kind}
            onChange={(e) => go({ action: e.currentTarget.value })}
            options={[["", w("auditAll")], ...KINDS.map((k) => [k, w(`kind_${k}`)] as const)]}
          />
        </div>
        <Load loaded={lists}>
          {() => (
            <Load loaded={loaded}>
              {(audit) =>
                audit.entries.length === 0 ? (
                  <Empty>{w("auditEmpty")}</Empty>
                ) : (
                  <>
                    <Table columns={[w("when"), w("who"), w("change"), w("details")]}>
                      {audit.entries.map((e, i) => (
                        <tr key={`${e.at}-${i}`}>
                          <td>{dateTime(e.at, locale, zone)}</td>
                          <td>{e.actor ?? w("tabletOrRemoved")}</td>
                          <th scope="row">{label(e.action)}</th>
                          <td class="details">{auditDetails(e, names, locale, zone)}</td>
                        </tr>
                      ))}
                    </Table>
                    <nav class="pager" aria-label={w("pages")}>
                      <button
                        type="button"
                        class="secondary"
                        disabled={page <= 1}
                        onClick={() => go({ page: page - 1 })}
                      >
                        {w("newer")}
                      </button>
                      <span>{w("pageN", { n: page })}</span>
                      <button
                        type="button"
                        class="secondary"
                        disabled={!audit.more}
                        onClick={() => go({ page: page + 1 })}
                      >
                        {w("older")}
                      </button>
                    </nav>
                  </>
                )
              }
            </Load>
          )}
        </Load>
      </section>
    </ManageFrame>
  );
}
