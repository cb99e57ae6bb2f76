/**
 * The API contract of visits (issue 21): what a queue system, a paired tablet or the dashboard's
 * import sends to `POST /agencies/{slug}/visits`, and what it hears back per visit. Front ends
 * import only the types and VISIT_ID (the import derives ids by the same rule).
 */
import * as z from "zod";
import { counterCode, nip, slug } from "./contract.ts";
import { VISIT_ID } from "./patterns.ts";
import { VISIT_FLAGS } from "./visits.ts";

/** Most visits one POST carries (a queue machine's busy hour, or a chunk of an imported day log). */
export const MAX_VISITS = 500;

export { VISIT_ID } from "./patterns.ts";

const time = z.iso.datetime({ offset: true }).optional().meta({ example: "2026-11-30T09:12:05+07:00" });

/** One citizen served at a counter, as its sender knows it. */
export const VisitInput = z
  .strictObject({
    id: z.string().regex(VISIT_ID, "1–64 letters, digits and . _ : / -").meta({
      description:
        "Made by the sender, unique within the agency (e.g. the queue system's own key); resending it is harmless (idempotency key)",
      example: "antrian-2026-11-30-A012",
    }),
    service: slug.meta({ example: "ktp-el" }),
    counter: counterCode
      .optional()
      .meta({ description: "The counter that served; a tablet's own counter when a tablet sends it" }),
    queueNumber: z.string().trim().min(1).max(20).optional().meta({ example: "A012" }),
    takenAt: time.meta({ description: "When the citizen took the queue number" }),
    calledAt: time.meta({ description: "When the number was called" }),
    servedAt: time.meta({ description: "When service began at the counter" }),
    finishedAt: time.meta({ description: "When service ended" }),
    officer: nip.optional().meta({
      description:
        "The officer who served, by NIP, when the sender knows it (a queue system's sign-in); otherwise the officer on duty at the counter when the visit was served",
    }),
  })
  .refine((v) => v.takenAt || v.calledAt || v.servedAt || v.finishedAt, {
    message: "a visit needs at least one of takenAt, calledAt, servedAt, finishedAt",
    path: ["takenAt"],
  })
  .meta({ id: "VisitInput" });
/** One visit as a sender sends it. */
export type VisitInput = z.infer<typeof VisitInput>;

/** The body of POST /agencies/{slug}/visits: 1–500 visits. */
export const VisitsBatch = z.strictObject({ visits: z.array(VisitInput).min(1).max(MAX_VISITS) });
/** The body of POST /agencies/{slug}/visits. */
export type VisitsBatch = z.infer<typeof VisitsBatch>;

/** What became of one sent visit. */
export const VisitResult = z
  .object({
    id: z.string(),
    status: z.enum(["accepted", "duplicate", "rejected"]),
    flags: z.array(z.enum(VISIT_FLAGS)).optional().meta({
      description:
        "An accepted visit's implausible shapes: it is kept and shown to admins, and left out of every indicator",
    }),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .meta({ id: "VisitResult" });
/** What became of one sent visit. */
export type VisitResult = z.infer<typeof VisitResult>;

/** The answer of POST /agencies/{slug}/visits: one result per visit, in order. */
export const VisitsResponse = z.object({ results: z.array(VisitResult) }).meta({ id: "VisitsResponse" });
/** The answer of POST /agencies/{slug}/visits. */
export type VisitsResponse = z.infer<typeof VisitsResponse>;

const instant = z.iso.datetime().nullable();

/** A visit kept but flagged implausible, as the agency's readers review it. */
export const FlaggedVisit = z
  .object({
    id: z.string(),
    queueNumber: z.string().nullable(),
    service: z.string(),
    counter: z.string().nullable().meta({ description: "The counter's name" }),
    officer: z.string().nullable(),
    takenAt: instant,
    calledAt: instant,
    servedAt: instant,
    finishedAt: instant,
    flags: z.array(z.enum(VISIT_FLAGS)),
  })
  .meta({ id: "FlaggedVisit" });

/** GET /agencies/{slug}/flagged/visits: a period's flagged visits, the latest first, 100 a page. */
export const FlaggedVisitsResponse = z
  .object({
    period: z.object({ label: z.string(), from: z.string(), to: z.string() }),
    visits: z.array(FlaggedVisit),
  })
  .meta({ id: "FlaggedVisits" });
/** A period's flagged visits. */
export type FlaggedVisits = z.infer<typeof FlaggedVisitsResponse>;
