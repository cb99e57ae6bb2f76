/**
 * The HTTP API contract: request and response schemas (zod) and their types.
 * The worker validates with these and documents them in OpenAPI; front ends
 * import only the types (`import type`), so zod never reaches a browser bundle.
 */
import * as z from "zod";
import { ELEMENT_IDS, LOCALES } from "./questionnaire.ts";

/** Most ratings one POST may carry (a kiosk sync after a long outage sends several). */
export const MAX_BATCH = 500;
/** Longest comment, in characters. */
export const MAX_COMMENT = 1000;

export const slug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, "lower-case letters, digits and dashes")
  .meta({ example: "disdukcapil-tebingtinggi" });
export const counterCode = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/, "lower-case letters, digits and dashes")
  .meta({ example: "loket-1" });
export const nip = z.string().regex(/^\d{18}$/, "an NIP is 18 digits");
export const pin = z.string().regex(/^\d{6}$/, "a PIN is 6 digits");
export const answer = z.number().int().min(1).max(4);
const id = z.string().min(1).max(64);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM");
const origin = z
  .string()
  .max(200)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
    } catch {
      return false;
    }
  }, "an origin such as https://www.example.go.id (scheme, host and port only)");

export const Answers = z.strictObject(
  Object.fromEntries(ELEMENT_IDS.map((e) => [e, answer.optional()])) as Record<
    (typeof ELEMENT_IDS)[number],
    z.ZodOptional<typeof answer>
  >,
);

export const Respondent = z.strictObject({
  gender: z.enum(["L", "P"]).optional(),
  age: z.number().int().min(10).max(120).optional(),
  education: z.enum(["SD", "SMP", "SMA", "D1-D3", "D4/S1", "S2", "S3"]).optional(),
  occupation: z.enum(["PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Lainnya"]).optional(),
});

/** One citizen's response as a client sends it. */
export const RatingInput = z
  .strictObject({
    id: z.uuid().meta({ description: "Made by the client; resending it is harmless (idempotency key)." }),
    agency: slug,
    service: slug,
    channel: z.enum(["kiosk", "widget", "qr"]),
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
export type RatingInput = z.infer<typeof RatingInput>;

export const RatingsBatch = z.strictObject({ ratings: z.array(RatingInput).min(1).max(MAX_BATCH) });
export type RatingsBatch = z.infer<typeof RatingsBatch>;

export const ErrorBody = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .meta({ id: "Error" });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const RatingResult = z.object({
  id: z.string(),
  status: z.enum(["accepted", "duplicate", "rejected"]),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type RatingResult = z.infer<typeof RatingResult>;
export const RatingsResponse = z.object({ results: z.array(RatingResult) });

export const LoginInput = z
  .strictObject({ nip: nip.optional(), email: z.email().max(200).optional(), password: z.string().min(1).max(200) })
  .refine((v) => (v.nip === undefined) !== (v.email === undefined), {
    message: "give either nip or email",
    path: ["nip"],
  });
export type LoginInput = z.infer<typeof LoginInput>;

export const PairInput = z.strictObject({ code: z.string().regex(/^\d{8}$/, "a pairing code is 8 digits") });
export const DutyInput = z.strictObject({ nip: nip.optional(), pin: pin.optional(), officer: id.optional() });
export type DutyInput = z.infer<typeof DutyInput>;

export const TicketInput = z.strictObject({
  service: slug,
  counter: counterCode.optional(),
  officer: id.optional(),
  ttlMinutes: z.number().int().min(5).max(10_080).optional(),
});
export type TicketInput = z.infer<typeof TicketInput>;

export const PeriodQuery = z.strictObject({
  period: z.string().max(32).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
});

export const ServiceInput = z.strictObject({ slug, name: z.string().trim().min(1).max(120) });
export const ServicePatch = ServiceInput.partial();
export const CounterInput = z.strictObject({
  code: counterCode,
  name: z.string().trim().min(1).max(120),
  opensAt: hhmm.optional(),
  closesAt: hhmm.optional(),
});
export const CounterPatch = CounterInput.partial();
export const OfficerInput = z.strictObject({
  nip,
  name: z.string().trim().min(1).max(120),
  position: z.string().trim().max(120).optional(),
  pin: pin.optional(),
  photoUrl: z.url().max(500).optional(),
});
export const OfficerPatch = OfficerInput.partial().extend({ active: z.boolean().optional() });
export const UserInput = z.strictObject({
  email: z.email().max(200).optional(),
  name: z.string().trim().min(1).max(120),
  role: z.enum(["agency_admin", "supervisor", "officer"]),
  password: z.string().min(10).max(200),
  officer: id.optional(),
});
export const UserPatch = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  role: z.enum(["agency_admin", "supervisor", "officer"]).optional(),
  password: z.string().min(10).max(200).optional(),
});
export const DeviceInput = z.strictObject({ counter: counterCode, name: z.string().trim().min(1).max(120) });
export const OriginsInput = z.strictObject({ origins: z.array(origin).max(50) });

export const AgencyInput = z.strictObject({
  slug,
  name: z.string().trim().min(1).max(200),
  timezone: z.enum(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]),
  commentRetentionDays: z.number().int().min(30).max(3650).optional(),
});
