/** Who signs in: accounts, their sessions, and what sign-in limits count (worker/sign-in-limits.ts). */
import { getTableColumns } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ROLES } from "../../core/roles.ts";
import { agencies, officers } from "./agencies.ts";
import { createdNow } from "./columns.ts";

export type { Role } from "../../core/roles.ts";

/** Sign-in identities; officers sign in with the NIP of their linked officer. */
export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  /** The agency of an agency admin, supervisor or officer; null for a regional admin. */
  agencyId: text("agency_id").references(() => agencies.id),
  /** The region of a regional admin (matches agencies.region). */
  region: text("region"),
  officerId: text("officer_id")
    .unique()
    .references(() => officers.id),
  passwordHash: text("password_hash").notNull(),
  /**
   * The password was made by an admin (who saw it): its owner must choose their own at the next
   * sign-in, and the API refuses everything else until then (worker/middleware/auth.ts).
   */
  passwordTemporary: integer("password_temporary", { mode: "boolean" }).notNull().default(false),
  createdAt: createdNow(),
});

/** The columns of an account that may leave the server: all but the password hash. */
export const { passwordHash: _passwordHash, ...publicUserColumns } = getTableColumns(users);

/** Live sign-ins. */
export const sessions = sqliteTable("sessions", {
  /** SHA-256 of the session token; the token itself is never stored. */
  tokenHash: text("token_hash").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: integer("expires_at").notNull(),
  createdAt: createdNow(),
  /**
   * When the session was last used, written at most every few minutes (db/queries/auth.ts);
   * a session idle for 12 hours has ended. Null for sessions made before it was kept: their start counts.
   */
  lastUsedAt: integer("last_used_at"),
});

/**
 * Browsers that signed in to an account before (OWASP's device cookies): a sign-in attempt
 * presenting one for its own account is counted against that cookie only, so others' failures
 * never refuse its owner (worker/sign-in-limits.ts). Only the SHA-256 of the cookie is kept.
 */
export const signInDevices = sqliteTable(
  "sign_in_devices",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("sign_in_devices_user").on(t.userId)],
);

/**
 * Sign-in attempts counted in fixed windows, shared by every server on the database: by address,
 * by identity, by address and identity, by device cookie (worker/sign-in-limits.ts). Keys are
 * SHA-256 hashes, so no e-mail, NIP or address is stored here.
 */
export const signInCounts = sqliteTable(
  "sign_in_counts",
  {
    key: text("key").primaryKey(),
    hits: integer("hits").notNull(),
    /** When the window ends (ms): the count starts over after it. */
    windowEnd: integer("window_end").notNull(),
  },
  (t) => [index("sign_in_counts_window_end").on(t.windowEnd)],
);
