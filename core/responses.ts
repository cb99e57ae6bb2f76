/**
 * What the API answers: one zod schema per response, from which the worker
 * documents every operation in OpenAPI and Hono checks every handler's output
 * at compile time. Front ends import only the types (`import type`), so zod
 * never reaches a browser bundle. The scores, reports and comments are in
 * score-responses.ts.
 */
import * as z from "zod";
import type { RatingsResponse } from "./contract.ts";
import { TIMEZONE_NAMES } from "./period.ts";
import { ELEMENT_IDS, LOCALES } from "./questionnaire.ts";
import { ROLES } from "./roles.ts";
import { MUTU } from "./scoring.ts";

/** Milliseconds since the epoch. */
export const ms = z.number().int().meta({ description: "milliseconds since the epoch" });
/** An ISO 8601 instant. */
export const iso = z.string().meta({ description: "ISO 8601 instant", example: "2026-11-22T03:00:00.000Z" });
/** A grade of the conversion table. */
export const mutu = z.enum(MUTU);
const role = z.enum(ROLES);
/** An agency timezone (core/period.ts has their offsets). */
export const timezone = z.enum(TIMEZONE_NAMES);
const localized = z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string()])) as Record<"id" | "en", z.ZodString>);
/** A reporting period as an inclusive range of local days. */
export const Period = z.object({
  label: z.string().meta({ example: "2026-S2" }),
  from: z.string().meta({ example: "2026-07-01" }),
  to: z.string().meta({ example: "2026-12-31" }),
});

// ---- the agency's set-up -------------------------------------------------------------

/** A service (jenis layanan). */
export const Service = z.object({
  id: z.string(),
  agencyId: z.string(),
  slug: z.string(),
  name: z.string(),
  archivedAt: ms.nullable(),
});
/** A counter (loket) with its local service hours. */
export const Counter = z.object({
  id: z.string(),
  agencyId: z.string(),
  code: z.string(),
  name: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  thanksSeconds: z.number().int(),
  /** Slugs of the services given here, the default first. */
  services: z.array(z.string()),
  archivedAt: ms.nullable(),
});
/** An officer (ASN/petugas), without the PIN hash. */
export const Officer = z.object({
  id: z.string(),
  agencyId: z.string(),
  nip: z.string(),
  name: z.string(),
  position: z.string(),
  active: z.boolean(),
  photoUrl: z.string().nullable(),
  hasPin: z.boolean().meta({ description: "Whether a kiosk PIN is set" }),
  createdAt: ms,
});
/** A sign-in account, without the password hash. */
export const User = z.object({
  id: z.string(),
  email: z.string().nullable(),
  name: z.string(),
  role,
  agencyId: z.string().nullable(),
  region: z.string().nullable(),
  officerId: z.string().nullable(),
  passwordTemporary: z
    .boolean()
    .meta({ description: "The password was made by an admin; its owner must choose their own at the next sign-in" }),
  createdAt: ms,
});
/** A kiosk tablet, without secrets. */
export const Device = z.object({
  id: z.string(),
  name: z.string(),
  counter: z.string(),
  pairedAt: ms.nullable(),
  revokedAt: ms.nullable(),
  lastSeenAt: ms.nullable(),
  queueWaiting: z.number().int().nullable().meta({ description: "Ratings waiting on the tablet at its last report" }),
  queueAside: z
    .number()
    .int()
    .nullable()
    .meta({ description: "Refused items kept aside on the tablet at its last report" }),
  pairingExpiresAt: ms.nullable(),
  counterArchivedAt: ms
    .nullable()
    .meta({ description: "When the tablet's counter was archived: it then only delivers what it kept from before" }),
  createdAt: ms,
});
/** An agency as a regional admin lists it (its SKM figures are a Summary, core/score-responses.ts). */
export const AgencyListing = z.object({ slug: z.string(), name: z.string(), timezone, region: z.string() });
/** A new agency. */
export const Agency = AgencyListing.extend({ id: z.string(), commentRetentionDays: z.number().int().optional() });
export const ServicesResponse = z.object({ services: z.array(Service) }).meta({ id: "Services" });
export const ServiceResponse = z.object({ service: Service }).meta({ id: "ServiceResponse" });
export const CountersResponse = z.object({ counters: z.array(Counter) }).meta({ id: "Counters" });
export const CounterResponse = z.object({ counter: Counter }).meta({ id: "CounterResponse" });
export const OfficersResponse = z.object({ officers: z.array(Officer) }).meta({ id: "Officers" });
export const OfficerResponse = z.object({ officer: Officer }).meta({ id: "OfficerResponse" });
export const UsersResponse = z.object({ users: z.array(User) }).meta({ id: "Users" });
export const UserResponse = z.object({ user: User }).meta({ id: "UserResponse" });
export const DevicesResponse = z.object({ devices: z.array(Device) }).meta({ id: "Devices" });
/** A new tablet and its single-use pairing code (shown once, valid 15 minutes). */
export const DeviceCreatedResponse = z
  .object({
    device: z.object({ id: z.string(), name: z.string(), counter: z.string() }),
    pairingCode: z.string().meta({ example: "48213907" }),
    expiresAt: iso,
  })
  .meta({ id: "DeviceCreated" });
export const DeviceRevokedResponse = z
  .object({ device: z.object({ id: z.string(), name: z.string(), revokedAt: ms }) })
  .meta({ id: "DeviceRevoked" });
export const OriginsResponse = z.object({ origins: z.array(z.string()) }).meta({ id: "Origins" });
export const AgencyResponse = z
  .object({ agency: Agency, admin: User.optional().meta({ description: "The first admin, when one was asked for" }) })
  .meta({ id: "AgencyResponse" });
/** An officer import checked row by row, and how many were added. */
export const OfficerImportResponse = z
  .object({
    rows: z.array(
      z.object({
        line: z.number().int(),
        nip: z.string(),
        name: z.string(),
        position: z.string(),
        pin: z.boolean().meta({ description: "Whether the row gives a kiosk PIN (the PIN itself is never sent back)" }),
        code: z.string().nullable().meta({
          description:
            "What is wrong, as a stable code (nip_length, nip_birth, nip_rounded, nip_number, nip_exists, name, pin, …); such a row is skipped",
        }),
        error: z.string().nullable(),
      }),
    ),
    created: z
      .number()
      .int()
      .meta({ description: "Officers added: 0 for a preview; on commit the rows without a code" }),
  })
  .meta({ id: "OfficerImport" });
/** What an agency has set up, for its first-run checklist. */
export const SetupResponse = z
  .object({
    services: z.number().int(),
    counters: z.number().int(),
    officers: z.number().int(),
    tablets: z.number().int().meta({ description: "Paired and not revoked" }),
    origins: z.number().int(),
    ratings: z.number().int(),
    agency: z.object({ slug: z.string(), name: z.string() }),
    publicUrl: z.string().meta({
      description:
        "Where Suara's own pages are (SUARA_PUBLIC_URL): the widget snippet, pairing and poster links use it",
      example: "https://suara.tebingtinggikota.go.id",
    }),
    kioskUrl: z
      .string()
      .nullable()
      .meta({
        description:
          "Where a tablet on the office network opens the kiosk (the pairing link and QR code): SUARA_PUBLIC_URL, else the " +
          "address the dashboard was opened at; null when that is this machine's own (localhost, 127.x, ::1), which a tablet cannot open",
        example: "https://suara.tebingtinggikota.go.id",
      }),
    lanUrls: z.array(z.string()).meta({
      description:
        "The server's own addresses on the office network when it listens on every interface (HOST=0.0.0.0), for agency " +
        "and regional admins; empty for supervisors and when it listens on one address. Plain http: tablets need HTTPS to pair",
      example: ["http://192.168.1.10:8787"],
    }),
  })
  .meta({ id: "Setup" });
/** The audit log of an agency, newest first. */
export const AuditResponse = z
  .object({
    page: z.number().int(),
    more: z.boolean(),
    entries: z.array(
      z.object({
        at: iso,
        action: z.string().meta({ example: "officer.create" }),
        target: z.string(),
        details: z.unknown().meta({ description: "What changed (never a secret)" }),
        actor: z.string().nullable().meta({ description: "Who; null for a tablet or a removed account" }),
        subject: z.object({ name: z.string(), at: iso.optional() }).nullable().meta({
          description:
            "What the change is about, by name (a rating or contest: its service and the rating's time); null when it has none or was removed",
        }),
      }),
    ),
  })
  .meta({ id: "Audit" });

// ---- people, devices, tickets, the form ---------------------------------------------

/** The signed-in person. */
export const SessionUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role,
  agencyId: z.string().nullable(),
  region: z.string().nullable(),
  officerId: z.string().nullable(),
  passwordChangeRequired: z.boolean().meta({
    description:
      "The password was made by an admin: until the person chooses their own (POST /auth/password), every other call but GET /me and POST /auth/logout is refused with 403 password_change_required",
  }),
});
export const LoginResponse = z
  .object({ token: z.string(), expiresAt: iso, user: SessionUser.extend({ createdAt: ms }) })
  .meta({ id: "Login" });
/** A new password an admin's reset made: shown once, temporary. */
export const PasswordResetResponse = z.object({
  password: z.string().meta({ description: "The new temporary password, shown only in this answer" }),
});
export const MeResponse = z
  .object({
    user: SessionUser,
    agency: z.object({ slug: z.string(), name: z.string(), timezone }).nullable().meta({
      description: "The user's agency; its timezone is the one the dashboard writes times in (WIB, WITA, WIT)",
    }),
  })
  .meta({ id: "Me" });
export const OkResponse = z.object({ ok: z.literal(true) });
/** What a tablet shows: its agency and counter, the services given there, how long it thanks. */
const DeviceSetup = z.object({
  device: z.object({ id: z.string(), name: z.string() }),
  agency: z.string(),
  agencyName: z.string(),
  counter: z.string(),
  counterName: z.string(),
  services: z
    .array(z.object({ slug: z.string(), name: z.string() }))
    .meta({ description: "The services given at the counter, the default (for a face-only tap) first" }),
  thanksSeconds: z.number().int(),
  archivedAt: ms.nullable().meta({
    description:
      "When the counter was archived, or null: from then on the tablet takes no new rating and only delivers what it kept from before",
  }),
});
/** What a tablet learns when it pairs: its token and where it serves. */
export const PairResponse = DeviceSetup.extend({ token: z.string() }).meta({ id: "Paired" });
/** The officer serving at a counter now. */
const OpenDuty = z.object({
  id: z.string(),
  startedAt: ms,
  officerId: z.string(),
  name: z.string(),
  position: z.string(),
  photoUrl: z.string().nullable(),
});
export const DutyResponse = z
  .object({ counter: z.object({ code: z.string(), name: z.string() }), duty: OpenDuty.nullable() })
  .meta({ id: "Duty" });
export const DutyStartedResponse = z
  .object({
    duty: z.object({
      id: z.string(),
      counter: z.string(),
      officer: z.object({ id: z.string(), name: z.string() }),
      startedAt: ms,
    }),
  })
  .meta({ id: "DutyStarted" });
export const DutyEndedResponse = z.object({ duty: OpenDuty.extend({ endedAt: ms }) }).meta({ id: "DutyEnded" });
/** A tablet's own set-up and who serves at its counter now (it polls this). */
export const DeviceSelfResponse = DeviceSetup.extend({ duty: OpenDuty.nullable() }).meta({ id: "DeviceSelf" });
export const TicketIssuedResponse = z
  .object({ ticket: z.string(), url: z.string(), expiresAt: iso })
  .meta({ id: "TicketIssued" });
/** What a ticket rates, for the hosted rating page. */
export const TicketResponse = z
  .object({
    agency: z.object({ slug: z.string(), name: z.string() }),
    service: z.object({ slug: z.string(), name: z.string() }),
    counter: z.object({ code: z.string(), name: z.string() }).nullable(),
    officer: z.object({ name: z.string(), position: z.string(), photoUrl: z.string().nullable() }).nullable(),
    expiresAt: iso,
    status: z.enum(["open", "used", "expired"]),
  })
  .meta({ id: "Ticket" });
/** What a kiosk, widget or QR page shows: the agency, its services and counters, the questionnaire. */
export const FormResponse = z
  .object({
    agency: z.object({ slug: z.string(), name: z.string(), timezone }),
    originAllowed: z.boolean().nullable().meta({
      description:
        "Whether the calling page's Origin may send this agency widget ratings (a registered origin, or Suara's own; null without an Origin header), so an embed can say so before a citizen taps",
    }),
    services: z.array(z.object({ slug: z.string(), name: z.string() })),
    counters: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        opensAt: z.string(),
        closesAt: z.string(),
        services: z.array(z.string()).meta({ description: "Slugs of the services given there, the default first" }),
      }),
    ),
    faces: z.array(localized).meta({ description: "Labels of faces 1 (worst) to 4 (best)" }),
    questionnaire: z.array(
      z.object({
        id: z.enum(ELEMENT_IDS),
        name: localized,
        question: localized,
        answers: z.array(localized).meta({ description: "Labels of answers 1 to 4" }),
      }),
    ),
    locales: z.array(z.enum(LOCALES)),
  })
  .meta({ id: "Form" });

/** The answer of POST /ratings: one result per rating, in order. */
export type RatingsResult = z.infer<typeof RatingsResponse>;
/** The signed-in person and their agency. */
export type Me = z.infer<typeof MeResponse>;
/** What a tablet learns when it pairs. */
export type Paired = z.infer<typeof PairResponse>;
/** A tablet's own set-up and who serves now. */
export type DeviceSelf = z.infer<typeof DeviceSelfResponse>;
/** A counter and who serves there now (GET /counters/{counter}/duty). */
export type CounterDuty = z.infer<typeof DutyResponse>;
/** A ticket just issued: its id, rating URL and expiry. */
export type TicketIssued = z.infer<typeof TicketIssuedResponse>;
/** What a ticket rates. */
export type TicketInfo = z.infer<typeof TicketResponse>;
/** A rating form. */
export type Form = z.infer<typeof FormResponse>;
/** What an agency has set up (the first-run checklist). */
export type Setup = z.infer<typeof SetupResponse>;
/** The audit log, a page of it. */
export type Audit = z.infer<typeof AuditResponse>;
/*
 * Set-up records as the API gives them and the management screens list them, one
 * table row each (hence the names; the database's own rows are drizzle's types).
 */
/** A service record. */
export type ServiceRow = z.infer<typeof Service>;
/** A counter record. */
export type CounterRow = z.infer<typeof Counter>;
/** An officer record. */
export type OfficerRow = z.infer<typeof Officer>;
/** A user account record. */
export type UserRow = z.infer<typeof User>;
/** A paired tablet's record. */
export type DeviceRow = z.infer<typeof Device>;
/** A tablet just added, with its pairing code. */
export type DeviceCreated = z.infer<typeof DeviceCreatedResponse>;
/** What an officer import did. */
export type OfficerImport = z.infer<typeof OfficerImportResponse>;
