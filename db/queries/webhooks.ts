/**
 * An agency's webhook and its delivery log (docs/design.md, "Alerts"): the URL and secret an admin
 * sets, the deliveries due, each try's outcome and the next try's time (core/alerts.ts nextTryAt).
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { webhookDeliveries, webhooks } from "../schema.ts";

/** The agency's webhook, secret included (for the sender only), or undefined. */
export async function webhookOf(db: Db, agencyId: string) {
  const [row] = await db.select().from(webhooks).where(eq(webhooks.agencyId, agencyId));
  return row;
}

/** Sets (or replaces) the agency's webhook; for a batch with its audit entry. */
export const setWebhook = (db: Db, agencyId: string, url: string, secret: string, updatedBy: string) => {
  const row = { agencyId, url, secret, updatedBy, updatedAt: Date.now() };
  return db
    .insert(webhooks)
    .values(row)
    .onConflictDoUpdate({ target: webhooks.agencyId, set: { url, secret, updatedBy, updatedAt: row.updatedAt } });
};

/** Removes the agency's webhook: deliveries still pending give up with it. */
export const removeWebhook = (db: Db, agencyId: string) =>
  [
    db.delete(webhooks).where(eq(webhooks.agencyId, agencyId)),
    db
      .update(webhookDeliveries)
      .set({ status: "failed", nextAt: null })
      .where(and(eq(webhookDeliveries.agencyId, agencyId), eq(webhookDeliveries.status, "pending"))),
  ] as const;

/** The agency's latest deliveries (newest first) with every try, for the log the dashboard shows. */
export async function deliveryLog(db: Db, agencyId: string, limit = 50) {
  const [deliveries, attempts] = await db.$client.batch(
    [
      {
        sql: `SELECT d.id, e.rule, d.created_at AS at, d.status FROM webhook_deliveries d
          JOIN alert_events e ON e.id = d.event_id WHERE d.agency_id = ? ORDER BY d.created_at DESC, d.id DESC LIMIT ?`,
        args: [agencyId, limit],
      },
      {
        sql: `SELECT t.delivery_id AS deliveryId, t.at, t.status_code AS statusCode, t.error, t.next_at AS nextAt
          FROM webhook_attempts t WHERE t.delivery_id IN (SELECT id FROM webhook_deliveries WHERE agency_id = ?
            ORDER BY created_at DESC, id DESC LIMIT ?) ORDER BY t.at, t.id`,
        args: [agencyId, limit],
      },
    ],
    "read",
  );
  const iso = (ms: unknown) => (ms === null ? null : new Date(Number(ms)).toISOString());
  return deliveries.rows.map((d) => ({
    id: String(d.id),
    rule: d.rule as "levy" | "low_faces" | "band_drop",
    at: iso(d.at)!,
    status: d.status as "pending" | "delivered" | "failed",
    attempts: attempts.rows
      .filter((t) => t.deliveryId === d.id)
      .map((t) => ({
        at: iso(t.at)!,
        statusCode: t.statusCode === null ? null : Number(t.statusCode),
        error: t.error as "timeout" | "unreachable" | null,
        nextAt: iso(t.nextAt),
      })),
  }));
}

/** A delivery due now, with where to send it and the secret to sign with. */
export interface DueDelivery {
  id: string;
  url: string;
  secret: string;
  body: string;
  tries: number;
  nextAt: number;
}

/** How long a claimed delivery is kept from other senders while its try runs (the try times out sooner). */
const CLAIM_MS = 120_000;

/**
 * Deliveries due at `now`, each claimed for this sender: a second server (or a second timer) that
 * reads the same row finds its next_at moved and leaves it, so no try is ever made twice.
 */
export async function claimDue(db: Db, now: number, limit = 20): Promise<DueDelivery[]> {
  const due = await db.$client.execute({
    sql: `SELECT d.id, w.url, w.secret, d.body, d.tries, d.next_at AS nextAt FROM webhook_deliveries d
      JOIN webhooks w ON w.agency_id = d.agency_id
      WHERE d.status = 'pending' AND d.next_at <= ? ORDER BY d.next_at LIMIT ?`,
    args: [now, limit],
  });
  const claimed: DueDelivery[] = [];
  for (const row of due.rows) {
    const delivery = { ...(row as unknown as DueDelivery), tries: Number(row.tries), nextAt: Number(row.nextAt) };
    const { rowsAffected } = await db.$client.execute({
      sql: "UPDATE webhook_deliveries SET next_at = ? WHERE id = ? AND status = 'pending' AND next_at = ?",
      args: [now + CLAIM_MS, delivery.id, delivery.nextAt],
    });
    if (rowsAffected === 1) claimed.push(delivery);
  }
  return claimed;
}

/** Records one try's outcome: delivered, or failed with the next try's time (null: given up). */
export async function recordTry(
  db: Db,
  delivery: DueDelivery,
  at: number,
  outcome: { statusCode: number | null; error: string | null; delivered: boolean; nextAt: number | null },
) {
  const status = outcome.delivered ? "delivered" : outcome.nextAt === null ? "failed" : "pending";
  await db.$client.batch(
    [
      {
        sql: "INSERT INTO webhook_attempts (delivery_id, at, status_code, error, next_at) VALUES (?, ?, ?, ?, ?)",
        args: [delivery.id, at, outcome.statusCode, outcome.error, outcome.delivered ? null : outcome.nextAt],
      },
      {
        sql: "UPDATE webhook_deliveries SET status = ?, tries = tries + 1, next_at = ? WHERE id = ?",
        args: [status, status === "pending" ? outcome.nextAt : null, delivery.id],
      },
    ],
    "write",
  );
}
