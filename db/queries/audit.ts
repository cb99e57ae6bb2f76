/** The audit log: who changed what, when (docs/design.md, "Security and privacy": every admin change). */
import type { InStatement, InValue } from "@libsql/client";
import { and, desc, eq, inArray, like, type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import {
  agencies,
  auditLog,
  contests,
  counters,
  devices,
  integrationKeys,
  officers,
  ratings,
  services,
  users,
} from "../schema.ts";

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

/** What an audit entry is about, by name (and, for a rating, when it was given): never a bare id. */
export interface AuditSubject {
  name: string;
  /** A rating's time (ISO 8601), for entries about a rating or its contest. */
  at?: string;
}

/** The kinds of audit entry whose target is a thing with a name, its table, and the column that ties it to the agency. */
const NAMED = [
  { kinds: ["officer", "ticket"], table: officers, scope: officers.agencyId },
  { kinds: ["user"], table: users, scope: users.agencyId },
  { kinds: ["counter"], table: counters, scope: counters.agencyId },
  { kinds: ["service"], table: services, scope: services.agencyId },
  { kinds: ["device"], table: devices, scope: devices.agencyId },
  { kinds: ["integration_key"], table: integrationKeys, scope: integrationKeys.agencyId },
  { kinds: ["agency"], table: agencies, scope: agencies.id },
];

/**
 * The names of what a page of entries is about, by target id, read at once per kind of thing
 * (an officer, account, counter, service, tablet, key or agency by its name; a rating, or the
 * rating a contest is about, by its service and time). Things since removed have no name.
 */
export async function auditSubjects(
  db: Db,
  agencyId: string,
  entries: { action: string; target: string }[],
): Promise<Map<string, AuditSubject>> {
  const targets = (kinds: string[]) => [
    ...new Set(entries.filter((e) => kinds.includes(e.action.split(".")[0])).map((e) => e.target)),
  ];
  // A reply to a comment names the rating it answers.
  const ratingIds = targets(["rating", "comment"]);
  const contestIds = targets(["contest"]);
  // Things named by their own name, each kind read once, only inside this agency.
  const lists = await Promise.all(
    NAMED.map(async ({ kinds, table, scope }) => {
      const ids = targets(kinds);
      if (!ids.length) return [];
      return db
        .select({ id: table.id, name: table.name })
        .from(table)
        .where(and(eq(scope, agencyId), inArray(table.id, ids))) as Promise<{ id: string; name: string }[]>;
    }),
  );
  const out = new Map<string, AuditSubject>(lists.flat().map((row) => [row.id, { name: row.name }]));
  const rated = (rows: { id: string; name: string; at: number }[]) => {
    for (const row of rows) out.set(row.id, { name: row.name, at: new Date(row.at).toISOString() });
  };
  if (ratingIds.length) {
    rated(
      await db
        .select({ id: ratings.id, name: services.name, at: ratings.createdAt })
        .from(ratings)
        .innerJoin(services, eq(services.id, ratings.serviceId))
        .where(and(eq(ratings.agencyId, agencyId), inArray(ratings.id, ratingIds))),
    );
  }
  if (contestIds.length) {
    rated(
      await db
        .select({ id: contests.id, name: services.name, at: ratings.createdAt })
        .from(contests)
        .innerJoin(ratings, eq(ratings.id, contests.ratingId))
        .innerJoin(services, eq(services.id, ratings.serviceId))
        .where(and(eq(ratings.agencyId, agencyId), inArray(contests.id, contestIds))),
    );
  }
  return out;
}
