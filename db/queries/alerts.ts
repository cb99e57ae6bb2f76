/**
 * Alert rules and the events they find (docs/design.md, "Alerts"): a possible levy or low faces
 * among the ratings a commit accepted, checked after it; a week's band falling, on a timer. The
 * events are stored once each by db/queries/alert-events.ts.
 */
import { eq } from "drizzle-orm";
import {
  type AlertRule,
  type AlertRuleSetting,
  alertKey,
  alertSettings,
  bandFell,
  isLowFace,
  weeksOf,
} from "../../core/alerts.ts";
import { isPossibleLevy, LEVY_REASON, mentionsMoney } from "../../core/levy.ts";
import { localDay, type Timezone } from "../../core/period.ts";
import type { OfficerIndicatorOptions } from "../../core/scoring.ts";
import type { Db } from "../client.ts";
import { alertRules } from "../schema.ts";
import { type FoundEvent, storeEvents } from "./alert-events.ts";
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
  const [found, low, settings] = await db.$client.batch(
    [
      {
        sql: `SELECT r.id, r.agency_id AS agencyId, a.slug, a.timezone, r.counter_id AS counterId, c.code AS counterCode,
            c.name AS counterName, r.officer_id AS officerId, o.name AS officerName, r.overall, r.reasons, r.comment,
            r.created_at AS createdAt
          FROM ratings r JOIN agencies a ON a.id = r.agency_id
          LEFT JOIN counters c ON c.id = r.counter_id LEFT JOIN officers o ON o.id = r.officer_id
          WHERE r.id IN (SELECT value FROM json_each(?)) AND r.counted = 1
            AND (r.reasons IS NOT NULL OR r.comment IS NOT NULL)`,
        args: [JSON.stringify(ids)],
      },
      {
        // Low taps per counter: a row per counter, however many taps (a sync of 500 low faces reads one).
        sql: `SELECT r.agency_id AS agencyId, a.slug, a.timezone, r.counter_id AS counterId, c.code AS counterCode,
            c.name AS counterName, min(r.created_at) AS first, max(r.created_at) AS last
          FROM ratings r JOIN agencies a ON a.id = r.agency_id JOIN counters c ON c.id = r.counter_id
          WHERE r.id IN (SELECT value FROM json_each(?)) AND r.counted = 1 AND r.overall IN (1, 2)
            AND r.device_id IS NOT NULL
          GROUP BY r.counter_id`,
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
  events.push(...(await lowFaces(db, low.rows as unknown as LowTaps[], setting, now)));
  return storeEvents(db, events, now);
}

/** A counter's low taps among the ratings checked: where, and their first and last time. */
type LowTaps = {
  agencyId: string;
  slug: string;
  timezone: Timezone;
  counterId: string;
  counterCode: string;
  counterName: string;
  first: number;
  last: number;
};

/**
 * Low faces at one counter's tablets (the taps made there and then; a QR rating comes later, from the
 * citizen's phone): for each low tap from the first checked to the last, the counter's counted low
 * taps in the M minutes up to it; N or more make one event per counter and M-minute
 * slot (core/alerts.ts alertKey), named by the slot's first such tap.
 */
async function lowFaces(
  db: Db,
  counters: LowTaps[],
  setting: (agencyId: string, rule: AlertRule) => AlertRuleSetting,
  now: number,
): Promise<FoundEvent[]> {
  const events: FoundEvent[] = [];
  for (const c of counters) {
    const { enabled, count, minutes } = setting(c.agencyId, "low_faces") as AlertRuleSetting & {
      count: number;
      minutes: number;
    };
    if (!enabled) continue;
    const span = minutes * 60_000;
    const from = Number(c.first) - span;
    // Through the tablets' time index: only the counter's taps of those minutes are read, however busy the day.
    const { rows } = await db.$client.execute({
      sql: `SELECT created_at AS at, officer_id AS officer FROM ratings
        WHERE device_id IN (SELECT id FROM devices WHERE counter_id = ?) AND created_at > ? AND created_at <= ?
          AND counter_id = ? AND counted = 1 AND overall IN (1, 2) ORDER BY created_at`,
      args: [c.counterId, from, Number(c.last), c.counterId],
    });
    const times = rows.map((row) => Number(row.at));
    const slots = new Set<string>();
    // A sliding window: `start` is the oldest tap within M minutes of tap `i`.
    for (let i = 0, start = 0; i < times.length; i++) {
      while (times[start] <= times[i] - span) start++;
      const within = i - start + 1;
      const key = alertKey.lowFaces(c.counterId, minutes, times[i]);
      if (times[i] < Number(c.first) || within < count || slots.has(key)) continue;
      slots.add(key);
      events.push({
        agencyId: c.agencyId,
        agencySlug: c.slug,
        key,
        at: now,
        officerId: rows[i].officer === null ? null : String(rows[i].officer),
        subject: { rule: "low_faces", counter: { code: c.counterCode, name: c.counterName }, count: within, minutes },
      });
    }
  }
  return events;
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
