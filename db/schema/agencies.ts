/** Agencies and what each sets up: services, counters (and the services given there), officers. */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { TIMEZONE_NAMES } from "../../core/period.ts";
import { createdNow } from "./columns.ts";

/** Agencies (instansi/OPD) with their timezone, embed origins and retention. */
export const agencies = sqliteTable("agencies", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  region: text("region").notNull(),
  timezone: text("timezone", { enum: TIMEZONE_NAMES }).notNull(),
  /** Origins (scheme://host[:port]) whose pages may embed the widget. */
  embedOrigins: text("embed_origins", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  /** Comments older than this are purged (UU 27/2022: keep personal data no longer than needed). */
  commentRetentionDays: integer("comment_retention_days").notNull().default(365),
  /** Whether the aggregate IKM is published at the public endpoint. */
  published: integer("published", { mode: "boolean" }).notNull().default(true),
  createdAt: createdNow(),
});

/** The agency a row belongs to (every table of an agency's data has one). */
export const agencyRef = () =>
  text("agency_id")
    .notNull()
    .references(() => agencies.id);

/** Services (jenis layanan) of an agency; archived, never deleted, once rated. */
export const services = sqliteTable(
  "services",
  {
    id: text("id").primaryKey(),
    agencyId: agencyRef(),
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
    agencyId: agencyRef(),
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
    agencyId: agencyRef(),
    /** Nomor Induk Pegawai: 18 digits. */
    nip: text("nip").notNull().unique(),
    name: text("name").notNull(),
    position: text("position").notNull().default(""),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    photoUrl: text("photo_url"),
    /** PBKDF2 hash of the 6-digit kiosk PIN used to check in at a counter. */
    pinHash: text("pin_hash"),
    createdAt: createdNow(),
  },
  (t) => [index("officers_agency").on(t.agencyId)],
);

/**
 * Where a service happened, as a ticket and a rating record it: the agency and its service, and
 * (when known) the counter and the officer who served.
 */
export const servedAt = () => ({
  agencyId: agencyRef(),
  serviceId: text("service_id")
    .notNull()
    .references(() => services.id),
  counterId: text("counter_id").references(() => counters.id),
  officerId: text("officer_id").references(() => officers.id),
});
