/**
 * What an audit entry changed, in words: what it is about by name (the API names
 * it: an officer, account, counter, rating…), duties by counter, officer, where
 * they started or ended and why; vouched tickets by officer, service and reason;
 * other changes field by field in the reader's words, never an id.
 */

import { CONTEST_REASONS, type ContestReason } from "../../../core/contest-reasons.ts";
import type { Timezone } from "../../../core/period.ts";
import type { Locale } from "../../../core/questionnaire.ts";
import type { Audit } from "../../../core/responses.ts";
import { ruleWords } from "../../alert-words.ts";
import { reasonText } from "../../contest-text.ts";
import { count, dateTime, periodWords, score } from "../../format.ts";
import { type TextKey, text } from "../../text.ts";
import { viaWords } from "../duty/words.ts";
import { followUpAudit } from "./audit-follow-ups.ts";
import { type AuditKey, sayAudit as say } from "./audit-words.ts";

type Entry = Audit["entries"][number];

/** Names of the agency's things by id, for entries that hold only ids. */
export interface Names {
  counters: Map<string, string>;
  officers: Map<string, string>;
  keys: Map<string, string>;
}

/**
 * The details of one entry in the reader's words: what it is about by name, then what changed;
 * a rating's time in the agency's `zone` (use-zone.ts).
 */
export function auditDetails(entry: Entry, names: Names, locale: Locale, zone?: Timezone): string {
  const d = (entry.details ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);
  const reason = text(d.reason) && say(locale, "auditReason", { reason: text(d.reason)! });
  const parts = (...list: (string | undefined | false)[]) => list.filter(Boolean).join(" · ");
  const subject = entry.subject?.at
    ? say(locale, "auditRatingOf", { name: entry.subject.name, at: dateTime(entry.subject.at, locale, zone) })
    : entry.subject?.name;
  switch (entry.action) {
    case "duty.start":
    case "duty.end":
      return parts(
        names.counters.get(String(d.counter)),
        names.officers.get(String(d.officer)),
        say(locale, "auditVia", { via: viaWords(locale, text(d.via)) }),
        reason,
      );
    case "ticket.vouch":
      return parts(subject ?? names.officers.get(entry.target), text(d.service), text(d.counter), reason);
    case "integration_key.create":
    case "integration_key.revoke":
      return text(d.name) ?? subject ?? names.keys.get(entry.target) ?? "";
    case "officer.import": {
      const imported = Array.isArray(entry.details) ? (entry.details as { name?: string; pinSet?: boolean }[]) : [];
      const named = imported.map((o) => (o.pinSet ? `${o.name} (${say(locale, "auditPinSet")})` : o.name));
      return parts(say(locale, "auditOfficers", { n: imported.length }), named.join(", "));
    }
    case "population.state":
    case "population.withdraw":
      return say(locale, "auditPopulation", {
        period: periodWords(String(d.period), locale),
        n: count(Number(d.population), locale),
      });
    case "follow_up.create":
    case "follow_up.update":
    case "follow_up.delete":
      return followUpAudit(d, locale);
    case "publication.publish":
      return parts(
        say(locale, "auditPublication", {
          period: periodWords(String(d.period), locale),
          ikm: score(Number(d.ikm), locale),
          n: count(Number(d.respondents), locale),
          rtl: count(Number(d.followUps), locale),
        }),
        Boolean(d.supersedes) && say(locale, "auditPublicationCorrection"),
      );
    case "alert_rule.update":
      return parts(
        (d.rule === "levy" || d.rule === "low_faces" || d.rule === "band_drop") && ruleWords(locale, d.rule),
        say(locale, d.enabled ? "auditRuleOn" : "auditRuleOff"),
        d.rule === "low_faces" && say(locale, "auditLowFaces", { count: Number(d.count), minutes: Number(d.minutes) }),
      );
    case "webhook.set":
    case "webhook.remove":
      return text(d.url) ?? entry.target;
    case "visits.import":
      return say(locale, "auditVisitsImport", {
        accepted: count(Number(d.accepted), locale),
        duplicate: count(Number(d.duplicate), locale),
        rejected: count(Number(d.rejected), locale),
      });
    case "visits.map": {
      const size = (value: unknown) => (value && typeof value === "object" ? Object.keys(value).length : 0);
      return say(locale, "auditLogMapping", {
        columns: size(d.columns),
        services: size(d.services),
        counters: size(d.counters),
      });
    }
    case "origins.replace":
      return Array.isArray(entry.details) ? entry.details.join(", ") : "";
    // A contest's reason in words, never its code or the contest's id (they showed on the audit page).
    case "rating.contest":
      return parts(subject, isContestReason(d.reason) && reasonText(locale, d.reason));
    case "contest.decide":
      return parts(
        subject,
        (d.decision === "keep" || d.decision === "exclude") && say(locale, `auditDecision_${d.decision}`),
        text(d.note) && `${say(locale, "auditField_note")}: ${text(d.note)}`,
      );
    case "comment.reply":
      return parts(subject, text(d.text));
    case "feedback.give":
    case "feedback.acknowledge":
      return parts(
        names.officers.get(String(d.officer)),
        text(d.period) && periodWords(String(d.period), locale),
        text(d.text),
      );
    default:
      return parts(subject, ...changes(d, locale));
  }
}

const isContestReason = (value: unknown): value is ContestReason =>
  (CONTEST_REASONS as readonly unknown[]).includes(value);

/** Keys that hold ids (named by the entry's subject instead) or nothing a reader needs. */
const UNSHOWN = new Set(["id", "agencyId", "officerId", "officer", "rating", "createdAt"]);

/** What changed, in words: each field by its name, switches as what they did, never an id. */
function changes(details: Record<string, unknown>, locale: Locale): string[] {
  return Object.entries(details)
    .filter(([key, value]) => value !== null && value !== undefined && !UNSHOWN.has(key))
    .map(([key, value]) => {
      if (key === "pinChanged") return value === true && say(locale, "auditPinChanged");
      if (key === "passwordChanged") return value === true && say(locale, "auditPasswordChanged");
      if (key === "active") return say(locale, value ? "auditActive" : "auditInactive");
      if (key === "revokedDevices") return say(locale, "auditRevokedDevices", { n: (value as unknown[]).length });
      if (key === "retiredDevices") return say(locale, "auditRetiredDevices", { n: (value as unknown[]).length });
      const shown =
        key === "role"
          ? text(locale, `roles_${value}` as TextKey) || String(value)
          : Array.isArray(value)
            ? value.join(", ")
            : String(value);
      return `${say(locale, `auditField_${key}` as AuditKey) || key}: ${shown}`;
    })
    .filter((part): part is string => Boolean(part));
}
