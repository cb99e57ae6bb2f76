/**
 * Suara's whole data model (docs/design.md, "Data model"). Times are integer
 * milliseconds since the epoch; local days are YYYY-MM-DD text in the agency's
 * timezone. Ids are opaque text so that no row count leaks through a URL.
 */
import { getTableColumns, sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CONTEST_DECISIONS, CONTEST_REASONS } from "../core/contest-reasons.ts";
import type { Flag } from "../core/flags.ts";
import { ELEMENT_IDS } from "../core/questionnaire.ts";
import { ROLES } from "../core/roles.ts";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/** Agencies (instansi/OPD) with their timezone, embed origins and retention. */
export const agencies = sqliteTable("agencies", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  region: text("region").notNull(),
  timezone: text("timezone", { enum: ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] }).notNull(),
  /** Origins (scheme://host[:port]) whose pages may embed the widget. */
  embedOrigins: text("embed_origins", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  /** Comments older than this are purged (UU 27/2022: keep personal data no longer than needed). */
  commentRetentionDays: integer("comment_retention_days").notNull().default(365),
  /** Whether the aggregate IKM is published at the public endpoint. */
  published: integer("published", { mode: "boolean" }).notNull().default(true),
  createdAt: integer("created_at").notNull().default(now),
});

/** Services (jenis layanan) of an agency; archived, never deleted, once rated. */
export const services = sqliteTable(
  "services",
  {
    id: text("id").primaryKey(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    archivedAt: integer("archived_at"),
  },
  (t) => [uniqueIndex("services_agency_slug").on(t.agencyId, t.slug)],
);

/** Counters (loket) of an agency. */
export const counters = sqliteTable(
  "counters",
  {
    id: text("id").primaryKey(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    /** Local service hours, HH:MM; ratings outside them are flagged `outside_hours`. */
    opensAt: text("opens_at").notNull().default("08:00"),
    closesAt: text("closes_at").notNull().default("16:00"),
    /** Seconds the kiosk's thank-you stays before it shows the faces again. */
    thanksSeconds: integer("thanks_seconds").notNull().default(5),
    archivedAt: integer("archived_at"),
  },
  (t) => [uniqueIndex("counters_agency_code").on(t.agencyId, t.code)],
);

/**
 * The services given at a counter, in order: the kiosk asks which one was received
 * when there are several, and a face-only tap records the first.
 */
export const counterServices = sqliteTable(
  "counter_services",
  {
    counterId: text("counter_id")
      .notNull()
      .references(() => counters.id),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.serviceId] })],
);

/** Officers (ASN/petugas); deactivated, never deleted, so their history stays. */
export const officers = sqliteTable(
  "officers",
  {
    id: text("id").primaryKey(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** Nomor Induk Pegawai: 18 digits. */
    nip: text("nip").notNull().unique(),
    name: text("name").notNull(),
    position: text("position").notNull().default(""),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    photoUrl: text("photo_url"),
    /** PBKDF2 hash of the 6-digit kiosk PIN used to check in at a counter. */
    pinHash: text("pin_hash"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [index("officers_agency").on(t.agencyId)],
);

export type { Role } from "../core/roles.ts";

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
  createdAt: integer("created_at").notNull().default(now),
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
  createdAt: integer("created_at").notNull().default(now),
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

/** Kiosk tablets, each paired to one counter. */
export const devices = sqliteTable(
  "devices",
  {
    id: text("id").primaryKey(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
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
    createdAt: integer("created_at").notNull().default(now),
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
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    name: text("name").notNull(),
    /** SHA-256 of the key; the key itself is shown once and never stored. */
    keyHash: text("key_hash").notNull().unique(),
    createdBy: text("created_by"),
    createdAt: integer("created_at").notNull().default(now),
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
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    counterId: text("counter_id").references(() => counters.id),
    officerId: text("officer_id").references(() => officers.id),
    createdAt: integer("created_at").notNull().default(now),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    source: text("source", { enum: TICKET_SOURCES }).notNull().default("staff"),
    /** The device, integration key or account that made it. */
    issuer: text("issuer"),
  },
  (t) => [
    // The pace of issuing (tickets per officer and per counter in the last hour) reads these.
    index("tickets_officer_created").on(t.officerId, t.createdAt),
    index("tickets_counter_created").on(t.counterId, t.createdAt),
  ],
);

/** Where a rating came from. */
export const CHANNELS = ["kiosk", "widget", "qr"] as const;
/** Where a rating came from. */
export type Channel = (typeof CHANNELS)[number];

/** Flags on a rating (core/flags.ts says which figures each keeps it out of). */
export { FLAGS, type Flag } from "../core/flags.ts";

const answerColumns = Object.fromEntries(ELEMENT_IDS.map((id) => [id, integer(id)])) as Record<
  (typeof ELEMENT_IDS)[number],
  ReturnType<typeof integer>
>;

/** Citizens' ratings, one row per response. */
export const ratings = sqliteTable(
  "ratings",
  {
    /** Made by the client (UUID): the idempotency key of a retried sync. */
    id: text("id").primaryKey(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    counterId: text("counter_id").references(() => counters.id),
    officerId: text("officer_id").references(() => officers.id),
    deviceId: text("device_id").references(() => devices.id),
    ticketId: text("ticket_id").references(() => tickets.id),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    /** The one-tap face, 1–4. */
    overall: integer("overall"),
    ...answerColumns,
    reasons: text("reasons", { mode: "json" }).$type<string[]>(),
    /** Masked before storage; purged after the agency's retention period. */
    comment: text("comment"),
    respondent: text("respondent", { mode: "json" }).$type<Record<string, string | number>>(),
    locale: text("locale").notNull().default("id"),
    /** The client's clock: when the citizen tapped. */
    createdAt: integer("created_at").notNull(),
    /** The server's clock: when it arrived. */
    receivedAt: integer("received_at").notNull(),
    /** Local day of createdAt in the agency's timezone. */
    day: text("day").notNull(),
    flags: text("flags", { mode: "json" }).$type<Flag[]>().notNull().default(sql`'[]'`),
    /** False when a flag (rapid_repeat, excluded) keeps it out of scores. */
    counted: integer("counted", { mode: "boolean" }).notNull(),
    /** The ingest call that stored it; tells a fresh insert from a duplicate. */
    batch: text("batch").notNull(),
  },
  (t) => [
    index("ratings_agency_day").on(t.agencyId, t.day),
    index("ratings_device_time").on(t.deviceId, t.createdAt),
    index("ratings_officer_day").on(t.officerId, t.day),
    // One rating per ticket, even when two submissions race for it. Partial: the many ratings
    // without a ticket (every kiosk tap) add no entry to it.
    uniqueIndex("ratings_ticket").on(t.ticketId).where(sql`${t.ticketId} IS NOT NULL`),
  ],
);

/** The metrics a rollup sums: the face, each element, and the officer indicator's value. */
export const METRICS = ["overall", ...ELEMENT_IDS, "officer"] as const;
/** A summed metric of the rollups. */
export type Metric = (typeof METRICS)[number];

const metricColumns = Object.fromEntries(
  METRICS.flatMap((m) => [
    [`${m}N`, integer(`${m}_n`).notNull().default(0)],
    [`${m}Sum`, real(`${m}_sum`).notNull().default(0)],
    [`${m}Sq`, real(`${m}_sq`).notNull().default(0)],
  ]),
) as Record<`${Metric}${"N" | "Sum" | "Sq"}`, ReturnType<typeof integer> | ReturnType<typeof real>>;

/**
 * Daily sums per agency, service, counter and officer, written in the same
 * transaction as the ratings they count, so a score for any period reads days,
 * not ratings. '' stands for "no counter" or "no officer" (NULLs never conflict).
 */
export const ratingRollups = sqliteTable(
  "rating_rollups",
  {
    agencyId: text("agency_id").notNull(),
    serviceId: text("service_id").notNull(),
    counterId: text("counter_id").notNull(),
    officerId: text("officer_id").notNull(),
    day: text("day").notNull(),
    /** Counted ratings that answered at least one of the 9 elements: the SKM's respondents. */
    respondents: integer("respondents").notNull().default(0),
    /** Every counted rating, face-only taps included (taps = ratings − respondents). */
    ratings: integer("ratings").notNull().default(0),
    /** How many counted ratings chose each face, 1 to 4 (the spread an officer sees). */
    face1: integer("face_1").notNull().default(0),
    face2: integer("face_2").notNull().default(0),
    face3: integer("face_3").notNull().default(0),
    face4: integer("face_4").notNull().default(0),
    ...metricColumns,
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.day, t.serviceId, t.counterId, t.officerId] }),
    index("rollups_officer_day").on(t.officerId, t.day),
  ],
);

/** Every admin change. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull().default(now),
    actorUserId: text("actor_user_id"),
    agencyId: text("agency_id"),
    action: text("action").notNull(),
    target: text("target").notNull(),
    details: text("details", { mode: "json" }),
  },
  (t) => [index("audit_agency_at").on(t.agencyId, t.at)],
);

/** Why an officer contests a rating, and what a decision makes of it (core/contest-reasons.ts). */
export { CONTEST_DECISIONS, CONTEST_REASONS, type ContestReason } from "../core/contest-reasons.ts";

/**
 * An officer's right of reply: one contest per rating, decided once by a supervisor or admin
 * (kept, or excluded through the exclude that every admin has).
 */
export const contests = sqliteTable(
  "contests",
  {
    id: text("id").primaryKey(),
    ratingId: text("rating_id")
      .notNull()
      .unique()
      .references(() => ratings.id),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    officerId: text("officer_id")
      .notNull()
      .references(() => officers.id),
    reason: text("reason", { enum: CONTEST_REASONS }).notNull(),
    note: text("note").notNull().default(""),
    createdAt: integer("created_at").notNull(),
    decision: text("decision", { enum: CONTEST_DECISIONS }),
    decisionNote: text("decision_note"),
    decidedBy: text("decided_by"),
    decidedAt: integer("decided_at"),
  },
  (t) => [index("contests_agency").on(t.agencyId, t.createdAt), index("contests_officer").on(t.officerId)],
);

/** One row that GET /health rewrites now and then, to know the database still takes writes (disk full, read-only). */
export const healthProbe = sqliteTable("health_probe", {
  id: integer("id").primaryKey(),
  checkedAt: integer("checked_at").notNull(),
});
