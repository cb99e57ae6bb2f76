/**
 * Who serves at a counter and who vouches for it: kiosk tablets, integration keys, duties and
 * rating tickets (docs/design.md, "Who vouches").
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { agencyRef, counters, officers, servedAt } from "./agencies.ts";
import { createdNow } from "./columns.ts";

/** Kiosk tablets, each paired to one counter. */
export const devices = sqliteTable(
  "devices",
  {
    id: text("id").primaryKey(),
    agencyId: agencyRef(),
    counterId: text("counter_id")
      .notNull()
      .references(() => counters.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").unique(),
    pairingCodeHash: text("pairing_code_hash").unique(),
    pairingExpiresAt: integer("pairing_expires_at"),
    pairedAt: integer("paired_at"),
    revokedAt: integer("revoked_at"),
    /** When the tablet last reported in (after each sync that reached the server). */
    lastSeenAt: integer("last_seen_at"),
    /** Ratings still waiting on the tablet at its last report. */
    queueWaiting: integer("queue_waiting"),
    /** Ratings and duty changes the server refused, kept aside on the tablet for staff, at its last report. */
    queueAside: integer("queue_aside"),
    /**
     * The tablet's ECDSA P-256 public key (JWK, JSON), registered at pairing: every request the
     * tablet makes is signed with its non-extractable private key, so a copied token alone posts nothing.
     */
    publicKey: text("public_key"),
    createdAt: createdNow(),
  },
  (t) => [index("devices_agency").on(t.agencyId)],
);

/**
 * Keys a queue system (or another integration) of one agency uses to make rating tickets for the
 * officer on duty: shown once, stored hashed, revocable.
 */
export const integrationKeys = sqliteTable(
  "integration_keys",
  {
    id: text("id").primaryKey(),
    agencyId: agencyRef(),
    name: text("name").notNull(),
    /** SHA-256 of the key; the key itself is shown once and never stored. */
    keyHash: text("key_hash").notNull().unique(),
    createdBy: text("created_by"),
    createdAt: createdNow(),
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("integration_keys_agency").on(t.agencyId)],
);

/**
 * Where a duty was started or ended: the counter's tablet, the dashboard (a session cookie), the
 * API (a bearer token), a supervisor's duty board, a later check-in that replaced it, the officer's
 * deactivation, or by itself an hour after the counter closed.
 */
export const DUTY_SOURCES = ["tablet", "dashboard", "api", "board", "replaced", "deactivation", "auto"] as const;
/** Where a duty was started or ended. */
export type DutySource = (typeof DUTY_SOURCES)[number];

/** Who served at a counter when: how kiosk ratings find their officer. */
export const duties = sqliteTable(
  "duties",
  {
    id: text("id").primaryKey(),
    counterId: text("counter_id")
      .notNull()
      .references(() => counters.id),
    officerId: text("officer_id")
      .notNull()
      .references(() => officers.id),
    startedAt: integer("started_at").notNull(),
    endedAt: integer("ended_at"),
    startedVia: text("started_via", { enum: DUTY_SOURCES }),
    endedVia: text("ended_via", { enum: DUTY_SOURCES }),
  },
  (t) => [
    index("duties_counter_time").on(t.counterId, t.startedAt),
    // The duties still open or ended after a time: what covers a batch of taps (ingest), without
    // reading every duty the counter ever had.
    index("duties_counter_end").on(t.counterId, t.endedAt),
    index("duties_officer").on(t.officerId),
  ],
);

/**
 * Who made a ticket, and so who vouches that the service happened: the counter's tablet (during
 * the officer's duty), a queue system's integration key, a supervisor or admin naming an officer,
 * or the officer for themself (their ratings are `self_issued`: the unit's, not the officer's).
 */
export const TICKET_SOURCES = ["device", "integration", "staff", "self"] as const;
/** Who made a ticket. */
export type TicketSource = (typeof TICKET_SOURCES)[number];

/** Single-use rating tickets (QR on receipts and queue slips). */
export const tickets = sqliteTable(
  "tickets",
  {
    /** 128 random bits: the ticket is its own capability, unguessable and single-use. */
    id: text("id").primaryKey(),
    ...servedAt(),
    createdAt: createdNow(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    source: text("source", { enum: TICKET_SOURCES }).notNull().default("staff"),
    /** The device, integration key or account that made it. */
    issuer: text("issuer"),
    /**
     * The visit (its id within the agency) it was made for, so its rating knows its waiting and
     * service time; the visit may arrive after the ticket (a queue slip printed when the number is taken).
     */
    visitId: text("visit_id"),
  },
  (t) => [
    // The pace of issuing (tickets per officer and per counter in the last hour) reads these.
    index("tickets_officer_created").on(t.officerId, t.createdAt),
    index("tickets_counter_created").on(t.counterId, t.createdAt),
    // A queue slip's ticket is paced per visit (db/queries/tickets.ts).
    index("tickets_visit").on(t.agencyId, t.visitId).where(sql`${t.visitId} IS NOT NULL`),
  ],
);
