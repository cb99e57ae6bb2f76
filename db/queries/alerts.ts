/**
 * Alert rules and the events they find (docs/design.md, "Alerts"): a possible levy or low faces
 * among the ratings a commit accepted, checked after it; a week's band falling, on a timer.
 * Each event is one row by its unique key; its notifications and its webhook delivery are written
 * in the same transaction, and only when the event row was new, so nothing is ever told twice.
 */
import type { InStatement } from "@libsql/client";
import { eq } from "drizzle-orm";
import type { AlertSubject } from "../../core/alert-contract.ts";
import {
  type AlertRule,
  type AlertRuleSetting,
  alertKey,
  alertSettings,
  bandFell,
  isLowFace,
  weeksOf,
} from "../../core/alerts.ts";
import { newId } from "../../core/ids.ts";
import { isPossibleLevy, LEVY_REASON, mentionsMoney } from "../../core/levy.ts";
import { localDay, type Timezone } from "../../core/period.ts";
import { RULES } from "../../core/roles.ts";
import type { OfficerIndicatorOptions } from "../../core/scoring.ts";
import type { Db } from "../client.ts";
import { alertRules } from "../schema.ts";
import { agencyReport, agencySummary } from "./reports.ts";

/** The settings of an agency's rules, each marked whether an admin changed it (`custom`). */
export async function rulesOf(db: Db, agencyId: string) {
  const stored = await db
    .select({
      rule: alertRules.rule,
      enabled: alertRules.enabled,
      count: alertRules.count,
      minutes: alertRules.minutes,
    })
    .from(alertRules)
    .where(eq(alertRules.agencyId, agencyId));
  return alertSettings(stored).map((s) => ({ ...s, custom: stored.some((r) => r.rule === s.rule) }));
}

/** Stores one rule's setting (the first change makes its row); for a batch with its audit entry. */
export const setRule = (db: Db, agencyId: string, setting: AlertRuleSetting, updatedBy: string) => {
  const row = { agencyId, ...setting, updatedBy, updatedAt: Date.now() };
  return db
    .insert(alertRules)
    .values(row)
    .onConflictDoUpdate({
      target: [alertRules.agencyId, alertRules.rule],
      set: { enabled: row.enabled, count: row.count, minutes: row.minutes, updatedBy, updatedAt: row.updatedAt },
    });
};

/** An event a rule found, before it is stored. */
export interface FoundEvent {
  agencyId: string;
  agencySlug: string;
  key: string;
  at: number;
  /** The officer it is about: never told of it. */
  officerId: string | null;
  subject: AlertSubject;
}

/** The roles told of an agency's events, as core/roles.ts says. */
const READERS = RULES.readNotifications.map((role) => `'${role}'`).join(", ");

/**
 * The webhook's JSON body of an event: its type, agency, time and what it is about, with no
 * officer name and no comment: a relay may carry it to people the dashboard does not show them to.
 */
export function webhookBody(id: string, event: FoundEvent): string {
  const { subject } = event;
  const data =
    subject.rule === "levy"
      ? { rating: subject.rating, counter: subject.counter, reason: subject.reason, money: subject.money }
      : subject.rule === "low_faces"
        ? subject
        : { week: subject.week, officer: subject.officer?.id ?? null, from: subject.from, to: subject.to };
  const { rule: _rule, ...rest } = data as Record<string, unknown>;
  return JSON.stringify({
    type: `alert.${subject.rule}`,
    id,
    agency: event.agencySlug,
    at: new Date(event.at).toISOString(),
    data: rest,
    dashboard: `/dashboard/a/${event.agencySlug}/notifications`,
  });
}

/**
 * The statements that store an event once: the event (nothing if its key is taken), then its
 * readers' notifications and its webhook delivery, each only if that very event row exists.
 */
function fire(event: FoundEvent, now: number): InStatement[] {
  const id = newId("alr");
  return [
    {
      sql: "INSERT INTO alert_events (id, agency_id, rule, key, at, officer_id, subject) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
      args: [
        id,
        event.agencyId,
        event.subject.rule,
        event.key,
        event.at,
        event.officerId,
        JSON.stringify(event.subject),
      ],
    },
    {
      // Admins and supervisors of the agency, but never the officer it is about (an account linked to them).
      sql: `INSERT INTO notifications (event_id, user_id, agency_id, at)
        SELECT ?, u.id, ?, ? FROM users u
        WHERE u.agency_id = ? AND u.role IN (${READERS}) AND coalesce(u.officer_id, '') <> coalesce(?, '-')
          AND EXISTS (SELECT 1 FROM alert_events WHERE id = ?)`,
      args: [id, event.agencyId, event.at, event.agencyId, event.officerId, id],
    },
    {
      sql: `INSERT INTO webhook_deliveries (id, agency_id, event_id, url, body, status, tries, next_at)
        SELECT ?, agency_id, ?, url, ?, 'pending', 0, ? FROM webhooks
        WHERE agency_id = ? AND EXISTS (SELECT 1 FROM alert_events WHERE id = ?)`,
      args: [newId("whd"), id, webhookBody(id, event), now, event.agencyId, id],
    },
  ];
}

/**
 * Stores found events, each once; answers how many were new. Keys already stored are read first and
 * skipped, so a run of low faces costs a read per tap rather than a write transaction; the unique key
 * still decides when two checks race.
 */
export async function storeEvents(db: Db, events: FoundEvent[], now: number): Promise<number> {
  if (events.length === 0) return 0;
  const stored = await db.$client.execute({
    sql: `SELECT agency_id AS agencyId, key FROM alert_events
      WHERE agency_id IN (SELECT value FROM json_each(?)) AND key IN (SELECT value FROM json_each(?))`,
    args: [JSON.stringify([...new Set(events.map((e) => e.agencyId))]), JSON.stringify(events.map((e) => e.key))],
  });
  const seen = new Set(stored.rows.map((r) => `${r.agencyId}/${r.key}`));
  const fresh = events.filter((e) => !seen.has(`${e.agencyId}/${e.key}`));
  if (fresh.length === 0) return 0;
  const results = await db.$client.batch(
    fresh.flatMap((event) => fire(event, now)),
    "write",
  );
  return results.filter((_, i) => i % 3 === 0).reduce((n, r) => n + r.rowsAffected, 0);
}

/** Whether a rating as sent could alert at all (a levy, a low face): the others cost no read. */
export const mayAlert = (input: {
  overall?: number | null;
  reasons?: readonly string[] | null;
  comment?: string | null;
}) => isLowFace(input.overall) || isPossibleLevy(input);

type Stored = {
  id: string;
  agencyId: string;
  slug: string;
  timezone: Timezone;
  counterId: string | null;
  counterCode: string | null;
  counterName: string | null;
  officerId: string | null;
  officerName: string | null;
  overall: number | null;
  reasons: string | null;
  comment: string | null;
  createdAt: number;
};

/**
 * Checks ratings a commit accepted (or completed) for a possible levy and for low faces at their
 * counter, and stores what they found. Only counted ratings alert (core/flags.ts). Answers how
 * many events were new.
 */
export async function checkRatings(db: Db, ids: string[], now: number): Promise<number> {
  if (ids.length === 0) return 0;
  const [found, settings] = await db.$client.batch(
    [
      {
        sql: `SELECT r.id, r.agency_id AS agencyId, a.slug, a.timezone, r.counter_id AS counterId, c.code AS counterCode,
            c.name AS counterName, r.officer_id AS officerId, o.name AS officerName, r.overall, r.reasons, r.comment,
            r.created_at AS createdAt
          FROM ratings r JOIN agencies a ON a.id = r.agency_id
          LEFT JOIN counters c ON c.id = r.counter_id LEFT JOIN officers o ON o.id = r.officer_id
          WHERE r.id IN (SELECT value FROM json_each(?)) AND r.counted = 1`,
        args: [JSON.stringify(ids)],
      },
      {
        sql: `SELECT agency_id AS agencyId, rule, enabled, count, minutes FROM alert_rules
          WHERE agency_id IN (SELECT r.agency_id FROM ratings r WHERE r.id IN (SELECT value FROM json_each(?)))`,
        args: [JSON.stringify(ids)],
      },
    ],
    "read",
  );
  const rows = found.rows as unknown as Stored[];
  const stored = new Map<string, AlertRuleSetting[]>();
  for (const r of settings.rows) {
    const agencyId = String(r.agencyId);
    const rule = {
      rule: r.rule as AlertRule,
      enabled: Boolean(r.enabled),
      count: r.count as number | null,
      minutes: r.minutes as number | null,
    };
    stored.set(agencyId, [...(stored.get(agencyId) ?? []), rule]);
  }
  const setting = (agencyId: string, rule: AlertRule) =>
    alertSettings(stored.get(agencyId) ?? []).find((s) => s.rule === rule)!;
  const events: FoundEvent[] = [];
  for (const r of rows) {
    const reasons: string[] = r.reasons ? JSON.parse(r.reasons) : [];
    if (!setting(r.agencyId, "levy").enabled || !isPossibleLevy({ reasons, comment: r.comment })) continue;
    events.push({
      agencyId: r.agencyId,
      agencySlug: r.slug,
      key: alertKey.levy(r.id),
      at: now,
      officerId: r.officerId,
      subject: {
        rule: "levy",
        rating: r.id,
        counter: r.counterCode ? { code: r.counterCode, name: r.counterName ?? r.counterCode } : null,
        officer: r.officerId ? { id: r.officerId, name: r.officerName ?? "" } : null,
        reason: reasons.includes(LEVY_REASON),
        money: Boolean(r.comment && mentionsMoney(r.comment)),
      },
    });
  }
  events.push(
    ...(await lowFaces(
      db,
      rows.filter((r) => r.counterId && isLowFace(r.overall)),
      setting,
      now,
    )),
  );
  return storeEvents(db, events, now);
}

/**
 * Low faces at one counter: for each low tap, the counter's counted low taps in the M minutes up
 * to it; N or more make one event per counter and M-minute slot (core/alerts.ts alertKey).
 */
async function lowFaces(
  db: Db,
  low: Stored[],
  setting: (agencyId: string, rule: AlertRule) => AlertRuleSetting,
  now: number,
): Promise<FoundEvent[]> {
  const byCounter = new Map<string, Stored[]>();
  for (const r of low) {
    const rule = setting(r.agencyId, "low_faces");
    if (rule.enabled) byCounter.set(r.counterId!, [...(byCounter.get(r.counterId!) ?? []), r]);
  }
  const events = new Map<string, FoundEvent>();
  for (const [counterId, taps] of byCounter) {
    const { agencyId, timezone } = taps[0];
    const { count, minutes } = setting(agencyId, "low_faces") as { count: number; minutes: number };
    const span = minutes * 60_000;
    const first = Math.min(...taps.map((t) => t.createdAt)) - span;
    const last = Math.max(...taps.map((t) => t.createdAt));
    // Through the agency's day index: a counter's taps of a day or two, never the whole table.
    const result = await db.$client.execute({
      sql: `SELECT created_at AS at FROM ratings WHERE agency_id = ? AND day BETWEEN ? AND ? AND counter_id = ?
        AND counted = 1 AND overall IN (1, 2) AND created_at > ? AND created_at <= ?`,
      args: [agencyId, localDay(first, timezone), localDay(last, timezone), counterId, first, last],
    });
    const times = result.rows.map((row) => Number(row.at));
    for (const tap of taps) {
      const within = times.filter((t) => t > tap.createdAt - span && t <= tap.createdAt).length;
      if (within < count) continue;
      const key = alertKey.lowFaces(counterId, minutes, tap.createdAt);
      if (events.has(key)) continue;
      events.set(key, {
        agencyId,
        agencySlug: tap.slug,
        key,
        at: now,
        officerId: tap.officerId,
        subject: {
          rule: "low_faces",
          counter: { code: tap.counterCode!, name: tap.counterName ?? tap.counterCode! },
          count: within,
          minutes,
        },
      });
    }
  }
  return [...events.values()];
}

/**
 * The week's figures that fell a band against last week's, in every agency whose band_drop rule
 * is on: each officer's fair score band (only where both weeks have enough ratings for one) and
 * the unit's quick index band (with at least `minN` taps each week). Run on a timer; answers how
 * many events were new.
 */
export async function checkWeeks(db: Db, now: number, options: OfficerIndicatorOptions = {}): Promise<number> {
  const minN = options.minN ?? 30;
  const [agencies, settings] = await db.$client.batch(
    [
      "SELECT id, slug, timezone FROM agencies",
      "SELECT agency_id AS agencyId, enabled FROM alert_rules WHERE rule = 'band_drop'",
    ],
    "read",
  );
  const off = new Set(settings.rows.filter((r) => !r.enabled).map((r) => String(r.agencyId)));
  const events: FoundEvent[] = [];
  for (const agency of agencies.rows) {
    const agencyId = String(agency.id);
    if (off.has(agencyId)) continue;
    const { week, last } = weeksOf(localDay(now, agency.timezone as Timezone));
    const period = (w: { from: string; to: string }) => ({ label: `${w.from}..${w.to}`, ...w });
    const base = { agencyId, agencySlug: String(agency.slug), at: now };
    const [thisUnit, lastUnit] = await Promise.all([
      agencySummary(db, agencyId, period(week)),
      agencySummary(db, agencyId, period(last)),
    ]);
    const unitBands = [lastUnit.quick, thisUnit.quick];
    if (unitBands.every((q) => q.n >= minN) && bandFell(lastUnit.quick.band, thisUnit.quick.band)) {
      const to = thisUnit.quick.band!;
      events.push({
        ...base,
        key: alertKey.bandDrop({ kind: "unit" }, week.from, to),
        officerId: null,
        subject: { rule: "band_drop", week: week.from, officer: null, from: lastUnit.quick.band!, to },
      });
    }
    if (thisUnit.taps === 0) continue;
    const [thisWeek, lastWeek] = await Promise.all([
      agencyReport(db, agencyId, period(week), options),
      agencyReport(db, agencyId, period(last), options),
    ]);
    for (const officer of thisWeek.byOfficer) {
      const before = lastWeek.byOfficer.find((o) => o.officer === officer.officer)?.band ?? null;
      if (!bandFell(before, officer.band)) continue;
      events.push({
        ...base,
        key: alertKey.bandDrop({ kind: "officer", officer: officer.officer }, week.from, officer.band!),
        officerId: officer.officer,
        subject: {
          rule: "band_drop",
          week: week.from,
          officer: { id: officer.officer, name: officer.name },
          from: before!,
          to: officer.band!,
        },
      });
    }
  }
  return storeEvents(db, events, now);
}
