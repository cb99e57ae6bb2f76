/**
 * The API contract of publications (docs/design.md, "Publications"): what an admin sends to
 * publish a named period, the snapshot a publication freezes, and what the public and the
 * dashboard read. Front ends import only the types.
 */
import * as z from "zod";
import { ELEMENT_IDS } from "./questionnaire.ts";
import { iso, mutu, Period } from "./responses.ts";
import { Summary } from "./score-responses.ts";

/** An admin publishes a named period's results (`2026-S2`, `2026-Q4`, `2026-11`, `2026`). */
export const PublishInput = z.strictObject({
  period: z
    .string()
    .max(32)
    .meta({ example: "2026-S2", description: "A named period; a from/to range is never published" }),
});

/** Which published period the public asks for; without one, the latest publication. */
export const PublishedQuery = z.strictObject({
  period: z.string().max(32).optional().meta({ example: "2026-S2" }),
});

/** Where an RTL row stands (db/schema/follow-ups.ts keeps the same three). */
const followUpStatus = z.enum(["planned", "in_progress", "done"]);

/** An RTL row as it stood when the period was published. */
const FrozenFollowUp = z.object({
  id: z.string(),
  element: z.enum(ELEMENT_IDS),
  action: z.string(),
  due: z.string().meta({ example: "2027-Q1" }),
  responsible: z.string().meta({ description: "A post or person, as the agency wrote it for publication" }),
  status: followUpStatus,
  note: z.string().nullable(),
});

/** The figures a publication freezes: the unit's SKM summary, per service, the sample, the method and the RTL. */
export const PublicationSnapshot = Summary.extend({
  period: Period,
  byService: z.array(Summary.extend({ service: z.string(), name: z.string() })),
  sampleSize: z.object({
    population: z.number().int().nullable().meta({ description: "Stated for the period; null: unknown (384 assumed)" }),
    required: z.number().int().meta({ description: "Krejcie & Morgan (1970)" }),
    respondents: z.number().int(),
    shortfall: z.number().int(),
  }),
  standing: z
    .enum(["official", "sampleShort", "incomplete"])
    .meta({ description: "official: all 9 elements and an adequate sample (core/scoring.ts, ikmStanding)" }),
  method: z.string().meta({ description: "How the IKM was computed, in words" }),
  followUps: z.array(FrozenFollowUp),
});

/** A publication in a list: its period, when, whether it is the period's current one, and its headline figures. */
const PublicationListing = z.object({
  id: z.string(),
  period: Period,
  publishedAt: iso,
  current: z.boolean().meta({ description: "False once a correction of the same period superseded it" }),
  supersededAt: iso.nullable(),
  supersededBy: z.string().nullable().meta({ description: "The id of the publication that replaced it" }),
  respondents: z.number().int(),
  ikm: z.object({ value: z.number(), mutu }).nullable(),
});

/** GET /public/agencies/{slug}/publications: the published periods, newest first. */
export const PublicationsResponse = z
  .object({ agency: z.object({ slug: z.string(), name: z.string() }), publications: z.array(PublicationListing) })
  .meta({ id: "Publications" });

/** An agency's publications as its readers see them: who published each too. */
const AgencyPublication = PublicationListing.extend({
  publishedBy: z.string().nullable().meta({ description: "The publisher's name (null once the account is gone)" }),
});
export const AgencyPublicationsResponse = z
  .object({ publications: z.array(AgencyPublication) })
  .meta({ id: "AgencyPublications" });
export const PublishedResponse = z.object({ publication: AgencyPublication }).meta({ id: "Published" });

/** GET /public/agencies/{slug}/ikm: the current published snapshot of a period, with each RTL row's status now. */
export const PublicIkmResponse = PublicationSnapshot.extend({
  agency: z.object({ slug: z.string(), name: z.string() }),
  publication: z.string(),
  publishedAt: iso,
  followUps: z.array(
    FrozenFollowUp.extend({
      current: z
        .object({ status: followUpStatus, note: z.string().nullable() })
        .nullable()
        .meta({ description: "Where the row stands now (progress since publishing); null once it was removed" }),
    }),
  ),
}).meta({ id: "PublicIkm" });

/** The figures a publication froze. */
export type PublicationSnapshot = z.infer<typeof PublicationSnapshot>;
/** A publication as a list shows it. */
export type PublicationListing = z.infer<typeof PublicationListing>;
/** The agency's publications, with who published each. */
export type AgencyPublications = z.infer<typeof AgencyPublicationsResponse>;
/** The published periods, for the public. */
export type Publications = z.infer<typeof PublicationsResponse>;
/** The current published snapshot of a period. */
export type PublicIkm = z.infer<typeof PublicIkmResponse>;
