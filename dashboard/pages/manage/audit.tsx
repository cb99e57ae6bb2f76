/** The audit log: who changed what and when, newest first, by kind of change, 50 a page. */
import { useLocation, useRoute } from "preact-iso";
import type { Audit } from "../../../core/responses.ts";
import { ScrollBox } from "../../components/scroll-box.tsx";
import { Empty, Load } from "../../components/states.tsx";
import { dateTime } from "../../format.ts";
import { useApi } from "../../use-api.ts";
import { Choice, Heads, useWords } from "./form.tsx";
import { ManageFrame } from "./frame.tsx";
import type { ManageKey } from "./words.ts";

/** The kinds of change one can filter by. */
const KINDS = ["service", "counter", "officer", "user", "device", "origins", "rating", "contest", "agency"] as const;

/** What changed, briefly: the details without ids, as "key: value" pairs. */
function summary(details: unknown): string {
  if (details === null || details === undefined) return "";
  if (Array.isArray(details)) return details.map((d) => (typeof d === "object" ? summary(d) : String(d))).join("; ");
  if (typeof details !== "object") return String(details);
  return Object.entries(details as Record<string, unknown>)
    .filter(([k, v]) => v !== null && v !== undefined && !/^(id|agencyId|officerId)$/.test(k))
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(", ");
}

/** The audit page. */
export function AuditPage() {
  const { slug } = useRoute().params;
  const { w, locale } = useWords();
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
  const label = (action: string) => {
    const key = `audit_${action.replace(".", "_")}` as ManageKey;
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
          >
            <option value="">{w("auditAll")}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {w(`kind_${k}`)}
              </option>
            ))}
          </Choice>
        </div>
        <Load loaded={loaded}>
          {(audit) =>
            audit.entries.length === 0 ? (
              <Empty>{w("auditEmpty")}</Empty>
            ) : (
              <>
                <ScrollBox>
                  <table>
                    <Heads columns={[w("when"), w("who"), w("change"), w("details")]} />
                    <tbody>
                      {audit.entries.map((e, i) => (
                        <tr key={`${e.at}-${i}`}>
                          <td>{dateTime(e.at, locale)}</td>
                          <td>{e.actor ?? w("tabletOrRemoved")}</td>
                          <th scope="row">{label(e.action)}</th>
                          <td class="details">{summary(e.details) || e.target}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollBox>
                <nav class="pager" aria-label={w("pages")}>
                  <button type="button" class="secondary" disabled={page <= 1} onClick={() => go({ page: page - 1 })}>
                    {w("newer")}
                  </button>
                  <span>{w("pageN", { n: page })}</span>
                  <button type="button" class="secondary" disabled={!audit.more} onClick={() => go({ page: page + 1 })}>
                    {w("older")}
                  </button>
                </nav>
              </>
            )
          }
        </Load>
      </section>
    </ManageFrame>
  );
}
