/**
 * The HTTP API contract: request and response schemas (zod) and their types.
 * The worker validates with these and documents them in OpenAPI; front ends
 * import only the types (`import type`), so zod never reaches a browser bundle.
 */
import * as z from "zod";
import { CHANNELS } from "./channels.ts";
import { LEVY_FILTER } from "./levy.ts";
import { nipProblem } from "./nip.ts";
import { MIN_PASSWORD_LENGTH } from "./password-rules.ts";
import { COUNTER_CODE, EMAIL, HHMM, PIN, SLUG, VISIT_ID } from "./patterns.ts";
import { AGE_RANGE } from "./profile.ts";
import { ELEMENT_IDS, LOCALES, PROFILE, REASONS } from "./questionnaire.ts";
import { timezone } from "./responses.ts";
import { AGENCY_ROLES } from "./roles.ts";
import { POPULATION_MAX } from "./scoring.ts";
import { isSafeUrl, originProblem } from "./urls.ts";

/** Most ratings one POST may carry (a kiosk sync after a long outage sends several). */
export const MAX_BATCH = 500;
/** Longest comment, in characters. */
export const MAX_COMMENT = 1000;

/** A slug naming an agency or service in URLs and ratings. */
export const slug = z
  .string()
  .regex(SLUG, "lower-case letters, digits and dashes")
  .meta({ example: "disdukcapil-tebingtinggi" });
/** A counter's code, unique within its agency. */
export const counterCode = z
  .string()
  .regex(COUNTER_CODE, "lower-case letters, digits and dashes")
  .meta({ example: "loket-1" });
/** Nomor Induk Pegawai: the 18-digit civil-servant number. */
export const nip = z.string().regex(/^\d{18}$/, "an NIP is 18 digits");
/** An officer's 6-digit kiosk PIN. */
export const pin = z.string().regex(PIN, "a PIN is 6 digits");
/** One answer or face on the 1–4 scale. */
export const answer = z.number().int().min(1).max(4);
const id = z.string().min(1).max(64);
const hhmm = z.string().regex(HHMM, "HH:MM");
/** An e-mail address, by the rule the dashboard checks too (core/patterns.ts). */
const email = z.email({ pattern: EMAIL }).max(200);
/** An https:// URL (http:// only for localhost), e.g. an officer's photo. */
export const webUrl = z
  .string()
  .max(500)
  .refine(isSafeUrl, "an https:// URL (http:// only for localhost)")
  .meta({ example: "https://disdukcapil.tebingtinggikota.go.id/foto/petugas.jpg" });

const origin = z
  .string()
  .max(200)
  .refine(
    (value) => originProblem(value) === null,
    "an origin such as https://www.example.go.id (https, host and port only; http only for localhost)",
  );

/** Answers to any of the nine elements, keyed by element id. */
export const Answers = z.strictObject(
  Object.fromEntries(ELEMENT_IDS.map((e) => [e, answer.optional()])) as Record<
    (typeof ELEMENT_IDS)[number],
    z.ZodOptional<typeof answer>
  >,
);

/** The codes of one of the questionnaire's profile lists, as an enum takes them. */
const codes = <C extends string>(list: readonly { code: C }[]) => list.map((o) => o.code) as [C, ...C[]];

/** The standard form's optional respondent profile (no NIK, ever). */
export const Respondent = z.strictObject({
  gender: z.enum(codes(PROFILE.gender)).optional(),
  age: z.number().int().min(AGE_RANGE.min).max(AGE_RANGE.max).optional(),
  education: z.enum(codes(PROFILE.education)).optional(),
  occupation: z.enum(codes(PROFILE.occupation)).optional(),
});

/** One citizen's response as a client sends it. */
export const RatingInput = z
  .strictObject({
    id: z.uuid().meta({ description: "Made by the client; resending it is harmless (idempotency key)." }),
    agency: slug,
    service: slug,
    channel: z.enum(CHANNELS),
    overall: answer.optional().meta({ description: "The one-tap face, 1 (worst) to 4 (best)." }),
    answers: Answers.optional(),
    reasons: z
      .array(z.string().regex(/^[a-z0-9_-]{1,40}$/))
      .max(10)
      .optional(),
    comment: z.string().max(MAX_COMMENT).optional(),
    respondent: Respondent.optional(),
    locale: z.enum(LOCALES).optional(),
    createdAt: z.iso.datetime({ offset: true }).meta({ description: "When the citizen tapped, client clock." }),
    ticket: z.string().min(8).max(64).optional(),
    honeypot: z.string().max(200).optional().meta({ description: "Left empty by people; bots fill it." }),
  })
  .refine((r) => r.overall !== undefined || (r.answers && Object.keys(r.answers).length > 0), {
    message: "a rating needs a face (overall) or at least one answer",
    path: ["overall"],
  })
  .meta({ id: "RatingInput" });
/** One rating as a client sends it. */
export type RatingInput = z.infer<typeof RatingInput>;

/** The body of POST /ratings: 1–500 ratings. */
export const RatingsBatch = z.strictObject({ ratings: z.array(RatingInput).min(1).max(MAX_BATCH) });
/** The body of POST /ratings. */
export type RatingsBatch = z.infer<typeof RatingsBatch>;

/** The one error shape of the API. */
export const ErrorBody = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .meta({ id: "Error" });
/** The one error shape of the API. */
export type ErrorBody = z.infer<typeof ErrorBody>;

/** What became of one submitted rating. */
export const RatingResult = z.object({
  id: z.string(),
  status: z.enum(["accepted", "duplicate", "completed", "rejected"]).meta({
    description:
      "completed: a face-only widget or QR rating sent again with the same id, agency, service and face, within 2 hours, now carries what its citizen added (answers, reasons, comment, profile); it stays one respondent",
  }),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
/** What became of one submitted rating. */
export type RatingResult = z.infer<typeof RatingResult>;
/** The answer of POST /ratings: one result per rating, in order. */
export const RatingsResponse = z.object({ results: z.array(RatingResult) });

/** Sign-in by NIP (officers) or e-mail (others), never both. */
export const LoginInput = z
  .strictObject({ nip: nip.optional(), email: email.optional(), password: z.string().min(1).max(200) })
  .refine((v) => (v.nip === undefined) !== (v.email === undefined), {
    message: "give either nip or email",
    path: ["nip"],
  });
/** Sign-in by NIP or e-mail. */
export type LoginInput = z.infer<typeof LoginInput>;

/**
 * A tablet's ECDSA P-256 public key as a JWK (RFC 7518 §6.2.1). Loose here, so the
 * pairing route can answer a missing or wrong key with its own codes.
 */
const PublicKeyJwk = z
  .looseObject({
    kty: z.string().optional(),
    crv: z.string().optional(),
    x: z.string().optional(),
    y: z.string().optional(),
  })
  .meta({
    description:
      "The tablet's ECDSA P-256 public key (JWK: kty EC, crv P-256, x, y); it signs every request made with the " +
      "device token with the matching private key, which never leaves the tablet.",
    example: {
      kty: "EC",
      crv: "P-256",
      x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
      y: "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
    },
  });
/** The pairing code an admin gave the tablet, and the tablet's public key. */
export const PairInput = z.strictObject({
  code: z.string().regex(/^\d{8}$/, "a pairing code is 8 digits"),
  publicKey: PublicKeyJwk.optional(),
});
/** An officer's NIP and PIN, typed on a tablet to unpair it. */
export const UnpairInput = z.strictObject({ nip, pin });
/** What a tablet reports after a sync: the ratings still waiting on it and what the server refused (kept aside). */
export const DeviceStatusInput = z.strictObject({
  waiting: z.number().int().min(0).max(10_000_000),
  aside: z.number().int().min(0).max(10_000_000),
});
/** A check-in: NIP + PIN from a kiosk, or an officer id from the dashboard. */
export const DutyInput = z.strictObject({
  nip: nip.optional(),
  pin: pin.optional(),
  officer: id.optional(),
  at: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: "When an offline tablet checked the officer in (kiosks only; within 30 days)" }),
});
/** A check-in. */
export type DutyInput = z.infer<typeof DutyInput>;

/** Why a supervisor or admin acts for an officer (ends their duty, vouches for a ticket): kept in the audit log. */
export const reason = z.string().trim().min(3).max(300);

/** A check-out: the on-duty officer's PIN from a kiosk; a reason when a supervisor ends someone else's duty. */
export const DutyEndInput = z.strictObject({
  pin: pin.optional().meta({ description: "The PIN of the officer on duty (kiosks: required)" }),
  reason: reason.optional().meta({ description: "Why (supervisors and admins ending another officer's duty)" }),
  at: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: "When an offline tablet checked the officer out (kiosks only; within 30 days)" }),
});
/** A supervisor ends a forgotten duty from the duty board. */
export const DutyBoardEndInput = z.strictObject({ reason });
/** A new integration key for a queue system. */
export const IntegrationKeyInput = z.strictObject({ name: z.string().trim().min(1).max(120) });

/** What a rating ticket is for; the caller decides the officer (docs/design.md, "Channels and attribution"). */
export const TicketInput = z
  .strictObject({
    service: slug,
    counter: counterCode.optional(),
    officer: id.optional().meta({ description: "The officer who served, by id" }),
    nip: nip.optional().meta({ description: "…or by NIP (a queue system knows the NIP, not our ids)" }),
    ttlMinutes: z.number().int().min(5).max(10_080).optional(),
    visit: z.string().regex(VISIT_ID, "a visit id: 1–64 letters, digits and . _ : / -").optional().meta({
      description:
        "The visit it is for (its id as sent to POST /agencies/{slug}/visits, before or after): the rating rates that visit, and a ticket naming no officer rates the visit's officer",
    }),
    reason: reason.optional().meta({
      description: "Why a supervisor or admin vouches for another officer's service (audited; required then)",
    }),
  })
  .refine((t) => !(t.officer && t.nip), { message: "name the officer by id or by NIP, not both", path: ["nip"] });
/** What a rating ticket is for. */
export type TicketInput = z.infer<typeof TicketInput>;

/** A period: `period=` or `from=`/`to=` (see worker/period.ts). */
export const PeriodQuery = z.strictObject({
  period: z.string().max(32).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
});

/** A period, and which CSV: for people in a language (default Bahasa Indonesia), or `raw` for machines. */
export const CsvQuery = PeriodQuery.extend({
  format: z.enum(["raw"]).optional(),
  lang: z.enum(LOCALES).optional(),
});

/** A period and a page of a list (from 1). */
export const PagedPeriodQuery = PeriodQuery.extend({
  page: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, "a page number from 1")
    .optional(),
});

/** What an agency's comments may be filtered by: a period, a service, a counter, a face, a reason. */
export const CommentsQuery = PagedPeriodQuery.extend({
  service: slug.optional(),
  counter: counterCode.optional(),
  face: z.enum(["1", "2", "3", "4"]).optional(),
  reason: z
    .enum([LEVY_FILTER, ...REASONS.map((r) => r.code)])
    .optional()
    .meta({
      description: `A reason code of the questionnaire, or "${LEVY_FILTER}": the possible levies (core/levy.ts)`,
    }),
});

/**
 * Changes to a record: the fields given are changed, and at least one must be given
 * (an empty PATCH is a mistake to report, not a write of nothing).
 */
const changes = <T extends z.ZodObject>(schema: T) =>
  schema.refine((value) => Object.values(value).some((v) => v !== undefined), {
    message: "Name at least one field to change.",
  });

/** A new service. */
export const ServiceInput = z.strictObject({ slug, name: z.string().trim().min(1).max(120) });
/** Changes to a service. */
export const ServicePatch = changes(ServiceInput.partial());
/** A new counter with its local service hours, the services given there and the kiosk's thank-you time. */
export const CounterInput = z.strictObject({
  code: counterCode,
  name: z.string().trim().min(1).max(120),
  opensAt: hhmm.optional(),
  closesAt: hhmm.optional(),
  services: z
    .array(slug)
    .max(30)
    .optional()
    .meta({ description: "Slugs of the services given here, the default first; none: every service of the agency" }),
  thanksSeconds: z.number().int().min(1).max(60).optional(),
});
/** Changes to a counter. */
export const CounterPatch = changes(CounterInput.partial());
/** An officer's NIP as an admin enters it: 18 digits with a real birth date, appointment month and gender digit. */
export const officerNip = nip.superRefine((value, ctx) => {
  const problem = nipProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** A new officer; the PIN is stored hashed. */
export const OfficerInput = z.strictObject({
  nip: officerNip,
  name: z.string().trim().min(1).max(120),
  position: z.string().trim().max(120).optional(),
  pin: pin.optional(),
  photoUrl: webUrl.optional(),
});
/**
 * Officers to import: a CSV (`,` `;` or tab, BOM or not) or an .xlsx sheet's cells, of NIP,
 * name, position and an optional PIN (core/officer-sheet.ts); checked only (a preview) unless `commit`.
 */
export const OfficerImportInput = z
  .strictObject({
    csv: z.string().min(1).max(60_000).optional(),
    cells: z
      .array(z.array(z.union([z.string().max(500), z.strictObject({ number: z.string().max(40) })])).max(20))
      .min(1)
      .max(2_000)
      .optional()
      .meta({
        description: "An .xlsx sheet's rows: text cells as strings, number cells as {number: digits as stored}",
      }),
    commit: z.boolean().optional(),
  })
  .refine((v) => (v.csv === undefined) !== (v.cells === undefined), "give either csv or cells");

/** Changes to an officer, including deactivation. */
export const OfficerPatch = changes(OfficerInput.partial().extend({ active: z.boolean().optional() }));
/** A password an admin sets for someone else (made by core/secrets.ts; temporary until its owner chooses one). */
const adminPassword = z.string().min(MIN_PASSWORD_LENGTH).max(200);
/** A new account of an agency (regional admins come from `npm run admin:create`). */
export const UserInput = z.strictObject({
  email: email.optional(),
  name: z.string().trim().min(1).max(120),
  role: z.enum(AGENCY_ROLES),
  password: adminPassword,
  officer: id.optional(),
});
/** Changes to an account. */
export const UserPatch = changes(
  z.strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    role: z.enum(AGENCY_ROLES).optional(),
    password: adminPassword.optional(),
  }),
);
/** A person's own password change: the current password and the new one (rules in core/password-rules.ts). */
export const PasswordChangeInput = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
/** A new kiosk device for a counter. */
export const DeviceInput = z.strictObject({ counter: counterCode, name: z.string().trim().min(1).max(120) });
/** The complete list of origins allowed to embed the agency's widget. */
export const OriginsInput = z.strictObject({ origins: z.array(origin).max(50) });
/** The agency's service users in a named period, for the Krejcie–Morgan sample size (docs/scoring.md, "Sample size"). */
export const PopulationInput = z.strictObject({
  population: z.number().int().min(1).max(POPULATION_MAX).meta({ example: 12_000 }),
});

/** A new agency in the regional admin's region, optionally with its first agency admin (made in the same step). */
export const AgencyInput = z.strictObject({
  slug,
  name: z.string().trim().min(1).max(200),
  timezone,
  commentRetentionDays: z.number().int().min(30).max(3650).optional(),
  admin: z
    .strictObject({
      name: z.string().trim().min(1).max(120),
      email,
      password: adminPassword,
    })
    .optional(),
});
