/**
 * Storing the events alert rules found (docs/design.md, "Alerts"): each event once by its unique
 * key, with its readers' notifications and its webhook delivery in the same transaction, written only
 * when the event row is new, so nothing is ever told twice.
 */
import type { InStatement } from "@libsql/client";
import type { AlertSubject } from "../../core/alert-contract.ts";
import { newId } from "../../core/ids.ts";
import { RULES } from "../../core/roles.ts";
import type { Db } from "../client.ts";

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
