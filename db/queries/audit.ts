/** The audit log: who changed what, when (DESIGN.md: every admin change). */
import type { Db } from "../client.ts";
import { auditLog } from "../schema.ts";

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
