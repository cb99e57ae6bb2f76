/** The audit log: who changed what, when (docs/design.md, "Security and privacy": every admin change). */
import type { InStatement, InValue } from "@libsql/client";
import { and, desc, eq, like, type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { auditLog, users } from "../schema.ts";

/** One admin change. */
export interface AuditEntry {
  actorUserId: string | null;
  agencyId: string | null;
  /** e.g. `service.create`, `device.revoke`. */
  action: string;
  /** The id or slug of what changed. */
  target: string;
  details?: unknown;
}

/** The insert that records a change; put it in the same batch as the change itself. */
export const auditInsert = (db: Db, entry: AuditEntry) => db.insert(auditLog).values({ ...entry, at: Date.now() });

/**
 * The same insert made only when `condition` holds when it runs: for a change that another
 * request may have made first (or that a guard may refuse), so the log never records one that
 * did not happen. As SQL, for a drizzle batch.
 */
export const auditWhen = (entry: AuditEntry, condition: SQL): SQL =>
  sql`INSERT INTO ${auditLog} (at, actor_user_id, agency_id, action, target, details)
    SELECT ${Date.now()}, ${entry.actorUserId}, ${entry.agencyId}, ${entry.action}, ${entry.target},
           ${entry.details === undefined ? null : JSON.stringify(entry.details)}
    WHERE ${condition}`;

/** `auditWhen` as a raw statement, for a libSQL batch beside the rollup statements. */
export function auditInsertWhen(db: Db, entry: AuditEntry, condition: SQL): InStatement {
  // db.run builds the statement without running it (drizzle's queries run when awaited).
  const { sql: text, params } = db.run(auditWhen(entry, condition)).getQuery();
  return { sql: text, args: params as InValue[] };
}

/**
 * An agency's audit entries, newest first, with the actor's name: all, one kind of change
 * (`officer`: every `officer.…`) or one action (`officer.create`).
 */
export function auditEntries(db: Db, agencyId: string, action: string | undefined, limit: number, offset: number) {
  const where: SQL[] = [eq(auditLog.agencyId, agencyId)];
  if (action) where.push(action.includes(".") ? eq(auditLog.action, action) : like(auditLog.action, `${action}.%`));
  return db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      target: auditLog.target,
      details: auditLog.details,
      actor: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
}
