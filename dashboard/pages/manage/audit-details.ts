/**
 * What an audit entry changed, in words: duties by counter, officer, where they
 * started or ended and why; vouched tickets by officer, service and reason;
 * integration keys by name. Other entries as "key: value" pairs without ids.
 */
import type { Locale } from "../../../core/questionnaire.ts";
import type { Audit } from "../../../core/responses.ts";
import { viaWords } from "../duty/words.ts";
import { say } from "./words.ts";

type Entry = Audit["entries"][number];

/** Names of the agency's things by id, for entries that hold only ids. */
export interface Names {
  counters: Map<string, string>;
  officers: Map<string, string>;
  keys: Map<string, string>;
}

/** The details of one entry in the reader's words, or its target when it has none. */
export function auditDetails(entry: Entry, names: Names, locale: Locale): string {
  const d = (entry.details ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);
  const reason = text(d.reason) && say(locale, "auditReason", { reason: text(d.reason)! });
  const parts = (...list: (string | undefined | false)[]) => list.filter(Boolean).join(" · ");
  switch (entry.action) {
    case "duty.start":
    case "duty.end":
      return parts(
        names.counters.get(String(d.counter)) ?? text(d.counter),
        names.officers.get(String(d.officer)) ?? text(d.officer),
        say(locale, "auditVia", { via: viaWords(locale, text(d.via)) }),
        reason,
      );
    case "ticket.vouch":
      return parts(names.officers.get(entry.target) ?? entry.target, text(d.service), text(d.counter), reason);
    case "integration_key.create":
    case "integration_key.revoke":
      return text(d.name) ?? names.keys.get(entry.target) ?? entry.target;
    default:
      return summary(entry.details) || entry.target;
  }
}

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
